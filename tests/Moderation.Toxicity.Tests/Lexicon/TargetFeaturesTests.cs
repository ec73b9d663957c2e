using Moderation.Toxicity.Lexicon;
using Moderation.Toxicity.Normalisation;

namespace Moderation.Toxicity.Tests.Lexicon;

// Sentences written for these tests; none comes from the functional suite's templates.
public sealed class TargetFeaturesTests
{
    [Theory]
    [InlineData("Albanians are thieving vermin, the lot of them.", "group dehumanised")]
    [InlineData("Somalis are criminals.", "group attacked")]
    [InlineData("Deport the refugees on the first plane.", "group excluded")]
    [InlineData("Lesbians should be beaten.", "group threatened")]
    [InlineData("Honestly I hate catholics.", "hate of a group")]
    [InlineData("We will burn your car.", "threat")]
    public void A_group_or_person_attacked_in_the_writers_own_words_sets_the_feature(string text, string feature)
    {
        var analysis = Analyse(text);
        Assert.Equal(1, Feature(analysis, feature));
        Assert.NotEmpty(analysis.Evidence[Index(feature)]);
    }

    [Theory]
    [InlineData("Somalis are not criminals.")]
    [InlineData("Nobody here thinks Somalis are criminals.")]
    public void Negated_abuse_is_not_an_attack(string text)
    {
        var analysis = Analyse(text);
        Assert.Equal(0, Feature(analysis, "group attacked"));
        Assert.True(Feature(analysis, "negated abuse") > 0);
    }

    [Theory]
    [InlineData("Don't be such a moron.")]
    [InlineData("Never trust a word from that clown, mate")]
    [InlineData("They said it on the radio - you idiot.")]
    public void A_negator_or_report_that_does_not_govern_the_insult_leaves_it_the_writers(string text)
    {
        var analysis = Analyse(text);
        Assert.Equal(0, Feature(analysis, "negated abuse"));
        Assert.Equal(0, Feature(analysis, "reported abuse"));
    }

    [Theory]
    [InlineData("The councillor claimed Albanians are vermin and lost his seat.")]
    [InlineData("A banner reading \"Albanians are vermin\" was taken down.")]
    public void Reported_or_quoted_abuse_is_not_the_writers_attack(string text)
    {
        var analysis = Analyse(text);
        Assert.Equal(0, Feature(analysis, "group dehumanised"));
        Assert.True(Feature(analysis, "reported abuse") > 0);
    }

    [Fact]
    public void The_writers_own_opinion_is_not_a_report()
    {
        var analysis = Analyse("I think Albanians are vermin.");
        Assert.Equal(1, Feature(analysis, "group dehumanised"));
        Assert.Equal(0, Feature(analysis, "reported abuse"));
    }

    [Fact]
    public void A_pronoun_stands_for_a_group_named_in_an_earlier_sentence()
    {
        var analysis = Analyse("Some Kurds opened a shop on my street. They are rats.");
        Assert.Equal(1, Feature(analysis, "group dehumanised"));
        Assert.Contains("they are rats", analysis.Evidence[Index("group dehumanised")]);
    }

    [Fact]
    public void A_group_and_a_predicate_in_different_sentences_are_not_linked()
    {
        var analysis = Analyse("Kurds run the bakery. The weather was disgusting.");
        Assert.Equal(0, Feature(analysis, "group attacked"));
    }

    [Fact]
    public void A_phrase_that_excludes_keeps_its_meaning_despite_its_negator()
    {
        var analysis = Analyse("Eritreans should not be allowed in.");
        Assert.Equal(1, Feature(analysis, "group excluded"));
        Assert.Equal(0, Feature(analysis, "negated abuse"));
    }

    [Fact]
    public void Neutral_and_friendly_mentions_of_a_group_set_no_feature()
    {
        Assert.Equal(0, Analyse("The Sikh community cooked lunch for the whole street.").Features.Sum());
        Assert.Equal(0, Analyse("Lovely to see so many Kurds at the fair. They cooked for everyone.").Features.Sum());
    }

    [Fact]
    public void Hating_what_others_say_of_a_group_is_not_hating_the_group()
    {
        var analysis = Analyse("I really hate how the radio host keeps saying Kurds are rats.");
        Assert.Equal(0, Feature(analysis, "hate of a group"));
        Assert.Equal(0, Feature(analysis, "group attacked"));
        Assert.Equal(0, Feature(analysis, "group dehumanised"));
    }

    [Theory]
    [InlineData("I never said the Kurds were stupid.", "i never said the kurds were")]
    [InlineData("The leaflet says \"Kurds are rats\" and it was binned.", "the leaflet says kurds are and it was binned")]
    [InlineData("Kurds are rats.", "kurds are rats")]
    public void The_ngrams_of_a_scoped_variant_see_only_the_writers_own_negative_words(string text, string expected)
    {
        var normalised = TextNormaliser.Normalise(text);
        var scopes = ClauseScopes.Mark(normalised, TargetFeatures.PhraseTokens(normalised.Tokens, out _, out _));
        Assert.Equal(expected, TargetFeatures.OwnText(normalised.Tokens, scopes));
    }

    [Fact]
    public void Counter_speech_cues_are_found()
    {
        Assert.Equal(1, Feature(Analyse("That leaflet is plain xenophobic hate speech."), "counter-speech"));
    }

    [Fact]
    public void The_normaliser_marks_clause_ends_and_quotations()
    {
        var text = TextNormaliser.Normalise("He said: \"go home now\". Then the U.S. news");
        Assert.Equal(["he", "said", "go", "home", "now", "then", "the", "u", "s", "news"], text.Tokens);
        Assert.Equal([false, true, false, false, true, false, false, false, false, false], text.ClauseEnds);
        Assert.Equal([false, false, true, true, true, false, false, false, false, false], text.Quoted);
    }

    private static LexiconAnalysis Analyse(string text) => TargetFeatures.Analyse(TextNormaliser.Normalise(text));

    private static float Feature(LexiconAnalysis analysis, string name) => analysis.Features[Index(name)];

    private static int Index(string name) => Array.IndexOf(TargetFeatures.Names, name);
}
