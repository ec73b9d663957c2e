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
    int ExclamationMarks)
{
    /// <summary>Per token: the writer ended a sentence or clause after it (full stop, comma, ...). Empty when unknown.</summary>
    public IReadOnlyList<bool> ClauseEnds { get; init; } = [];

    /// <summary>Per token: it stands inside double quotation marks. Empty when unknown.</summary>
    public IReadOnlyList<bool> Quoted { get; init; } = [];

    /// <summary>True when token <paramref name="index"/> ends a clause.</summary>
    public bool EndsClause(int index) => index < ClauseEnds.Count && ClauseEnds[index];

    /// <summary>True when token <paramref name="index"/> is quoted.</summary>
    public bool IsQuoted(int index) => index < Quoted.Count && Quoted[index];
}
