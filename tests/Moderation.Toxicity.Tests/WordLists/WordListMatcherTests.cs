using Moderation.Toxicity.WordLists;

namespace Moderation.Toxicity.Tests.WordLists;

public sealed class WordListMatcherTests
{
    private static readonly WordListMatcher Lists = new(
        banned: ["idiot", "ass", "buy followers", "frobnicator"],
        suspect: ["shill", "paid troll", "spammer"]);

    [Theory]
    [InlineData("You are an idiot")]
    [InlineData("You are an 1d10t")]
    [InlineData("You are an i.d.i.o.t")]
    [InlineData("You are an i d i o t")]
    [InlineData("You are an ＩＤＩＯＴ")]
    [InlineData("You are an іdіоt")]
    [InlineData("You are an i\u200Bdiot")]
    [InlineData("IDIOOOOT!!!")]
    [InlineData("what an ass.")]
    [InlineData("Cheap: BUY   followers now")]
    [InlineData("the fr0bn1cator strikes")]
    public void Evasions_of_a_banned_word_are_caught(string comment)
    {
        Assert.Equal(WordListKind.Banned, Lists.Match(comment).Kind);
    }

    [Theory]
    [InlineData("An assessment of the budget")]
    [InlineData("The class passed the assembly vote")]
    [InlineData("Idiotic? No, idiosyncratic.")]
    [InlineData("Buy more followers? I follow the news")]
    [InlineData("The mayor said the shilling was devalued")]
    [InlineData("Frobnicate the widget")]
    public void Innocent_words_that_contain_an_entry_are_untouched(string comment)
    {
        Assert.Equal(WordListKind.None, Lists.Match(comment).Kind);
    }

    [Theory]
    [InlineData("Obvious sh1ll", "shill")]
    [InlineData("another PAID  troll here", "paid troll")]
    [InlineData("5pammer alert", "spammer")]
    [InlineData("what a sh1ll", "shill")]
    [InlineData("another pa1d tro11 here", "paid troll")]
    public void A_suspect_match_names_its_normalised_entry(string comment, string entry)
    {
        Assert.Equal(new WordListMatch(WordListKind.Suspect, entry), Lists.Match(comment));
    }

    [Fact]
    public void A_banned_match_outranks_a_suspect_one_wherever_it_stands()
    {
        Assert.Equal(new WordListMatch(WordListKind.Banned, "idiot"), Lists.Match("This shill is an idiot"));
    }

    [Fact]
    public void An_entry_in_both_lists_counts_as_banned()
    {
        var matcher = new WordListMatcher(banned: ["troll"], suspect: ["troll"]);

        Assert.Equal(WordListKind.Banned, matcher.Match("a troll").Kind);
        Assert.Equal(1, matcher.Count);
    }

    [Fact]
    public void Entries_written_with_evasions_are_normalised_like_comments()
    {
        var matcher = new WordListMatcher(banned: ["1D10T"], suspect: ["P.A.I.D troll"]);

        Assert.Equal(new WordListMatch(WordListKind.Banned, "idiot"), matcher.Match("such an idiot"));
        Assert.Equal(new WordListMatch(WordListKind.Suspect, "paid troll"), matcher.Match("a paid troll"));
    }

    [Fact]
    public void A_phrase_needs_all_its_words_in_order()
    {
        Assert.Equal(WordListKind.None, Lists.Match("followers buy it").Kind);
        Assert.Equal(WordListKind.None, Lists.Match("paid the troll").Kind);
    }

    [Fact]
    public void Empty_lists_match_nothing()
    {
        Assert.Equal(WordListMatch.None, WordListMatcher.Empty.Match("idiot"));
    }

    [Theory]
    [InlineData("...")]
    [InlineData("one two three four five six seven eight nine")]
    public void An_entry_that_is_not_one_to_eight_words_is_skipped_and_counted(string entry)
    {
        var matcher = new WordListMatcher([entry, "idiot"], []);

        Assert.Equal((1, 1), (matcher.Count, matcher.Skipped));
        Assert.Equal(WordListKind.Banned, matcher.Match("idiot").Kind);
    }
}
