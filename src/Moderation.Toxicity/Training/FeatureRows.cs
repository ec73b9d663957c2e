using Moderation.Toxicity.Lexicon;
using Moderation.Toxicity.Normalisation;

namespace Moderation.Toxicity.Training;

/// <summary>Turns raw comments into pipeline input the same way in training and in scoring.</summary>
internal static class FeatureRows
{
    /// <summary>
    /// The engine's input for one comment, the normalised text, and the dense features the variant uses with the
    /// words behind each (lexicon features first, then target features, in the order the pipeline concatenates them).
    /// </summary>
    public static ScoringInput ForScoring(string raw, ModelVariant variant, out NormalisedText normalised, out LexiconAnalysis analysis)
    {
        normalised = TextNormaliser.Normalise(raw);
        var (lexicon, targets, ownText) = Analyse(normalised, variant.ScopedLexicon || variant.Targets || variant.ScopedText, variant.ScopedLexicon);
        analysis = Merge(variant, lexicon, targets);
        return new ScoringInput
        {
            Text = !variant.Normalise ? raw ?? string.Empty : variant.ScopedText ? ownText! : normalised.Text,
            Lexicon = lexicon.Features,
            Targets = targets is null ? new float[TargetFeatures.Count] : TargetsFor(variant, targets.Features),
        };
    }

    /// <summary>Prepares rows in parallel; normalisation is the costly part of preparing a large training set.</summary>
    public static PreparedText[] Prepare(IReadOnlyList<string> texts)
    {
        var prepared = new PreparedText[texts.Count];
        Parallel.For(0, texts.Count, i => prepared[i] = Prepare(texts[i]));
        return prepared;
    }

    /// <summary>One text's normalised form and every dense feature a variant may use.</summary>
    public static PreparedText Prepare(string text)
    {
        var normalised = TextNormaliser.Normalise(text);
        var (scoped, targets, ownText) = Analyse(normalised, scopes: true, scopedLexicon: true);
        return new PreparedText(text, normalised.Text, ownText!, LexiconFeatures.Analyse(normalised).Features, scoped.Features, targets!.Features);
    }

    /// <summary>The target features a variant uses: without the negated and reported abuse counts unless it keeps them.</summary>
    public static float[] TargetsFor(ModelVariant variant, float[] targets)
    {
        if (variant.ScopedAbuseCounts)
        {
            return targets;
        }

        var kept = (float[])targets.Clone();
        kept[TargetFeatures.NegatedAbuse] = 0;
        kept[TargetFeatures.ReportedAbuse] = 0;
        return kept;
    }

    private static (LexiconAnalysis Lexicon, LexiconAnalysis? Targets, string? OwnText) Analyse(NormalisedText text, bool scopes, bool scopedLexicon)
    {
        if (!scopes)
        {
            return (LexiconFeatures.Analyse(text), null, null);
        }

        var phrases = TargetFeatures.PhraseTokens(text.Tokens, out var exclusions, out var threats);
        var marked = ClauseScopes.Mark(text, phrases);
        return (LexiconFeatures.Analyse(text, scopedLexicon ? marked : null), TargetFeatures.Analyse(text, marked, exclusions, threats), TargetFeatures.OwnText(text.Tokens, marked));
    }

    private static LexiconAnalysis Merge(ModelVariant variant, LexiconAnalysis lexicon, LexiconAnalysis? targets)
    {
        if (!variant.Targets || targets is null)
        {
            return lexicon;
        }

        if (!variant.Lexicon)
        {
            return targets;
        }

        return new LexiconAnalysis([.. lexicon.Features, .. targets.Features], [.. lexicon.Evidence, .. targets.Evidence])
        {
            Names = [.. lexicon.Names, .. targets.Names],
        };
    }
}

/// <summary>A raw text with its normalised form and dense features, computed once and reused across folds and variants.</summary>
internal sealed record PreparedText(string Raw, string Normalised, string OwnText, float[] Lexicon, float[] ScopedLexicon, float[] Targets)
{
    public ScoringInput For(ModelVariant variant) => new()
    {
        Text = !variant.Normalise ? Raw : variant.ScopedText ? OwnText : Normalised,
        Lexicon = variant.ScopedLexicon ? ScopedLexicon : Lexicon,
        Targets = FeatureRows.TargetsFor(variant, Targets),
    };
}
