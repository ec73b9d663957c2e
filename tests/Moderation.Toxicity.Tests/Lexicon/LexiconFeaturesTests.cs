using Moderation.Toxicity.Lexicon;
using Moderation.Toxicity.Normalisation;

namespace Moderation.Toxicity.Tests.Lexicon;

public sealed class LexiconFeaturesTests
{
    [Theory]
    [InlineData("idiot", LexiconCategory.Insult)]
    [InlineData("idiots", LexiconCategory.Insult)]
    [InlineData("fucking", LexiconCategory.Profanity)]
    [InlineData("retards", LexiconCategory.Slur)]
    [InlineData("murdered", LexiconCategory.Violence)]
    public void Matches_words_and_stems(string word, LexiconCategory expected) => Assert.Equal(expected, ToxicLexicon.Match(word));

    [Theory]
    [InlineData("assessment")]
    [InlineData("psychology")]
    [InlineData("cocktail")]
    [InlineData("classic")]
    [InlineData("scunthorpe")]
    public void Does_not_match_clean_words_that_contain_abusive_ones(string word) => Assert.Null(ToxicLexicon.Match(word));

    [Fact]
    public void Second_person_near_an_insult_is_targeted_abuse()
    {
        var analysis = Analyse("you are such an idiot");
        Assert.Equal(1, Feature(analysis, "targeted abuse"));
        Assert.Equal(1, Feature(analysis, "insult"));
        Assert.Contains("you are such an idiot", analysis.Evidence[Index("targeted abuse")]);
    }

    [Fact]
    public void Insult_about_a_third_party_is_not_targeted()
    {
        var analysis = Analyse("the mayor said the plan was stupid last year");
        Assert.Equal(1, Feature(analysis, "insult"));
        Assert.Equal(0, Feature(analysis, "targeted abuse"));
    }

    [Fact]
    public void Threats_and_dismissals_are_phrases()
    {
        Assert.Equal(1, Feature(Analyse("go kill yourself"), "threat phrase"));
        Assert.Equal(1, Feature(Analyse("oh shut up already"), "dismissive phrase"));
    }

    [Fact]
    public void Obfuscation_is_a_feature()
    {
        Assert.Equal(1, Feature(Analyse("you are a m0r0n"), "obfuscated spelling"));
        Assert.Equal(0, Feature(Analyse("you are a moron"), "obfuscated spelling"));
    }

    [Fact]
    public void Clean_text_has_no_abuse_features()
    {
        var analysis = Analyse("Thanks for the thorough reporting on the school budget.");
        foreach (var name in new[] { "profanity", "slur", "insult", "targeted abuse", "threat phrase", "dismissive phrase" })
        {
            Assert.Equal(0, Feature(analysis, name));
        }
    }

    [Fact]
    public void Vector_length_matches_the_names() => Assert.Equal(LexiconFeatures.Count, LexiconFeatures.Names.Length);

    private static LexiconAnalysis Analyse(string text) => LexiconFeatures.Analyse(TextNormaliser.Normalise(text));

    private static int Index(string name) => Array.IndexOf(LexiconFeatures.Names, name);

    private static float Feature(LexiconAnalysis analysis, string name) => analysis.Features[Index(name)];
}
