namespace Moderation.Toxicity.Lexicon;

/// <summary>Looks up normalised words in the lexicon: exact entries first, then stems.</summary>
public static class ToxicLexicon
{
    private static readonly Dictionary<string, LexiconCategory> Exact = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, LexiconCategory> Stems = new(StringComparer.Ordinal);
    private static readonly HashSet<string> SecondPersonWords = new(LexiconTerms.SecondPerson, StringComparer.Ordinal);
    private static readonly int MaxStemLength;
    private static readonly int MinStemLength = int.MaxValue;

    static ToxicLexicon()
    {
        Add(LexiconTerms.Violence, LexiconCategory.Violence);
        Add(LexiconTerms.Insults, LexiconCategory.Insult);
        Add(LexiconTerms.Profanity, LexiconCategory.Profanity);
        Add(LexiconTerms.Slurs, LexiconCategory.Slur);
        foreach (var stem in Stems.Keys)
        {
            MaxStemLength = Math.Max(MaxStemLength, stem.Length);
            MinStemLength = Math.Min(MinStemLength, stem.Length);
        }
    }

    /// <summary>The lexicon's version; it is part of a model's manifest because lexicon features depend on it.</summary>
    public static int Version => LexiconTerms.Version;

    /// <summary>The category of a normalised word, or null when the word is not abusive.</summary>
    public static LexiconCategory? Match(string word) => Match(word.AsSpan());

    public static LexiconCategory? Match(ReadOnlySpan<char> word)
    {
        if (word.Length == 0)
        {
            return null;
        }

        var exact = Exact.GetAlternateLookup<ReadOnlySpan<char>>();
        if (exact.TryGetValue(word, out var category))
        {
            return category;
        }

        var stems = Stems.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = Math.Min(word.Length, MaxStemLength); length >= MinStemLength; length--)
        {
            if (stems.TryGetValue(word[..length], out category))
            {
                return category;
            }
        }

        return null;
    }

    /// <summary>True for words that can be abusive on their own (profanity, slurs, insults), not violence words.</summary>
    public static bool IsAbusive(string word) => Match(word) is LexiconCategory.Profanity or LexiconCategory.Slur or LexiconCategory.Insult;

    public static bool IsKnown(string word) => Match(word) is not null;

    public static bool IsSecondPerson(string word) => SecondPersonWords.Contains(word);

    private static void Add(string[] entries, LexiconCategory category)
    {
        foreach (var entry in entries)
        {
            if (entry.EndsWith('*'))
            {
                Stems[entry[..^1]] = category;
            }
            else
            {
                Exact[entry] = category;
            }
        }
    }
}
