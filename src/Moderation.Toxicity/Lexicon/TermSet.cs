namespace Moderation.Toxicity.Lexicon;

/// <summary>A set of normalised words where an entry ending in '*' matches every word that starts with it.</summary>
internal sealed class TermSet
{
    private readonly HashSet<string> _exact = new(StringComparer.Ordinal);
    private readonly List<string> _stems = [];

    public TermSet(params IEnumerable<string>[] lists)
    {
        foreach (var entry in lists.SelectMany(l => l))
        {
            if (entry.EndsWith('*'))
            {
                _stems.Add(entry[..^1]);
            }
            else
            {
                _exact.Add(entry);
            }
        }
    }

    public bool Contains(string word)
    {
        if (_exact.Contains(word))
        {
            return true;
        }

        foreach (var stem in _stems)
        {
            if (word.StartsWith(stem, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
