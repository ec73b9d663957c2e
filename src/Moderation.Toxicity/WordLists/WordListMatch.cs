namespace Moderation.Toxicity.WordLists;

/// <summary>The strongest entry a comment matched: its list and the entry in its normalised form.</summary>
public readonly record struct WordListMatch(WordListKind Kind, string? Entry)
{
    public static readonly WordListMatch None = new(WordListKind.None, null);
}
