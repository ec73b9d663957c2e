namespace Moderation.Toxicity.Normalisation;

/// <summary>Which evasion tricks the normaliser undid in a text; a comment that evades is itself a signal.</summary>
[Flags]
public enum EvasionSignals
{
    None = 0,
    InvisibleCharacters = 1,
    Homoglyphs = 2,
    Leetspeak = 4,
    StretchedLetters = 8,
    SeparatedLetters = 16,
    MaskedLetters = 32,
}
