using Moderation.Toxicity.Normalisation;

namespace Moderation.Toxicity.WordLists;

/// <summary>
/// A list entry as the matcher compares it: the tokens the filter's normaliser makes of it, so that an entry written
/// "1d10t" and a comment written "i.d.i.o.t" both come down to "idiot".
/// </summary>
public static class WordListEntries
{
    /// <summary>Longest phrase, in normalised words: a bound on the matcher's work per word of a comment.</summary>
    public const int MaxWords = 8;

    /// <summary>The entry's normalised words; empty when it has no letters or digits.</summary>
    public static IReadOnlyList<string> Words(string entry) => TextNormaliser.Normalise(entry).Tokens;

    /// <summary>The normalised form used as the entry's identity: its words joined by single spaces.</summary>
    public static string Key(string entry) => string.Join(' ', Words(entry));
}
