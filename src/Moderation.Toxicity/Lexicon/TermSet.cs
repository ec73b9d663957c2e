namespace Moderation.Toxicity.Lexicon;

/// <summary>A set of normalised words where an entry ending in '*' matches every word that starts with it.</summary>
internal sealed class TermSet
{
    private readonly HashSet<string> _exact = new(StringComparer.Ordinal);

    // Stems by first letter: most words start with a letter no stem starts with and cost one lookup.
    private readonly Dictionary<char, string[]> _stems;

    public TermSet(params IEnumerable<string>[] lists)
    {
        var stems = new List<string>();
        foreach (var entry in lists.SelectMany(l => l))
        {
            if (entry.EndsWith('*'))
            {
                stems.Add(entry[..^1]);
            }
            else
            {
                _exact.Add(entry);
            }
        }

        _stems = stems.GroupBy(stem => stem[0]).ToDictionary(g => g.Key, g => g.ToArray());
    }

    public bool Contains(string word)
    {
        if (_exact.Contains(word))
        {
            return true;
        }

        if (word.Length == 0 || !_stems.TryGetValue(word[0], out var stems))
        {
            return false;
        }

        foreach (var stem in stems)
        {
            if (word.StartsWith(stem, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
