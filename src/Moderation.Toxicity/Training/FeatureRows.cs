using Moderation.Toxicity.Lexicon;
using Moderation.Toxicity.Normalisation;

namespace Moderation.Toxicity.Training;

/// <summary>Turns raw comments into pipeline input the same way in training and in scoring.</summary>
internal static class FeatureRows
{
    public static ScoringInput ForScoring(string raw, bool normalise, out NormalisedText normalised, out LexiconAnalysis analysis)
    {
        normalised = TextNormaliser.Normalise(raw);
        analysis = LexiconFeatures.Analyse(normalised);
        return new ScoringInput { Text = normalise ? normalised.Text : raw ?? string.Empty, Lexicon = analysis.Features };
    }

    /// <summary>Prepares rows in parallel; normalisation is the costly part of preparing a large training set.</summary>
    public static PreparedText[] Prepare(IReadOnlyList<string> texts)
    {
        var prepared = new PreparedText[texts.Count];
        Parallel.For(0, texts.Count, i =>
        {
            var normalised = TextNormaliser.Normalise(texts[i]);
            prepared[i] = new PreparedText(texts[i], normalised.Text, LexiconFeatures.Analyse(normalised).Features);
        });
        return prepared;
    }
}

/// <summary>A raw text with its normalised form and lexicon features, computed once and reused across folds.</summary>
internal sealed record PreparedText(string Raw, string Normalised, float[] Lexicon);
