using Moderation.Toxicity.SiteModels;

namespace Moderation.Toxicity.Tests.SiteModels;

public sealed class SiteNgramsTests
{
    [Theory]
    [InlineData("you gronk")]
    [InlineData("a b c a b")]
    [InlineData("only a gronk would write about the harbour like this gronk")]
    [InlineData("x")]
    public void Scoring_finds_the_same_ngrams_as_training_and_gives_each_to_its_words(string text)
    {
        var expected = SiteNgrams.Enumerate(text).ToList();
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var chars = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (gram, isChar) in expected)
        {
            var vocabulary = isChar ? chars : words;
            vocabulary.TryAdd(gram, words.Count + chars.Count);
        }

        var found = new List<GramOccurrence>();
        SiteNgrams.Collect(text, words.GetAlternateLookup<ReadOnlySpan<char>>(), chars.GetAlternateLookup<ReadOnlySpan<char>>(), found);

        var names = words.Concat(chars).ToDictionary(p => p.Value, p => p.Key);
        Assert.Equal(expected.Select(g => g.Gram).Order(), found.Select(f => names[f.Index]).Order());
        foreach (var occurrence in found)
        {
            var owner = text.Substring(occurrence.Start, occurrence.Length);
            var gram = names[occurrence.Index];
            Assert.Contains(gram.Trim(), owner);
        }
    }

    [Fact]
    public void Character_ngrams_stay_inside_one_word_with_a_space_at_each_end()
    {
        var grams = SiteNgrams.Enumerate("gronk it").Where(g => g.IsChar).Select(g => g.Gram).ToList();

        Assert.Equal([" gro", "gron", "ronk", "onk ", " it "], grams);
    }
}
