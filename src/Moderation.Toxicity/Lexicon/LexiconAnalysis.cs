namespace Moderation.Toxicity.Lexicon;

/// <summary>The lexicon feature vector of one comment and, per feature, the words or phrases that set it.</summary>
public sealed record LexiconAnalysis(float[] Features, IReadOnlyList<string>[] Evidence)
{
    /// <summary>The features' names, in vector order (shown when a feature has no words behind it).</summary>
    public IReadOnlyList<string> Names { get; init; } = LexiconFeatures.Names;
}
