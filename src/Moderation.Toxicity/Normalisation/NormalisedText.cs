namespace Moderation.Toxicity.Normalisation;

/// <summary>
/// A comment after normalisation: lower-case ASCII-folded tokens joined by single spaces, the tokens,
/// the evasion tricks that were undone, and style cues taken from the raw text before folding.
/// </summary>
public sealed record NormalisedText(
    string Text,
    IReadOnlyList<string> Tokens,
    EvasionSignals Evasion,
    double UppercaseShare,
    int ExclamationMarks);
