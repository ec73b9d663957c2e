using Moderation.Toxicity.Normalisation;

namespace Moderation.Toxicity.WordLists;

/// <summary>
/// A site's banned and suspect words and phrases, built once per list version into a trie over normalised words:
/// matching a comment costs a dictionary lookup per word and per following word of a phrase in progress (at most
/// <see cref="WordListEntries.MaxWords"/>), whatever the lists' length. Whole words only: "ass" never matches
/// "assessment". Immutable, so one instance serves every thread.
/// </summary>
public sealed class WordListMatcher
{
    private readonly Node _root = new();

    public WordListMatcher(IEnumerable<string> banned, IEnumerable<string> suspect)
    {
        foreach (var entry in suspect)
        {
            Add(entry, WordListKind.Suspect);
        }

        foreach (var entry in banned)
        {
            Add(entry, WordListKind.Banned);
        }
    }

    public static readonly WordListMatcher Empty = new([], []);

    /// <summary>Distinct entries, both lists.</summary>
    public int Count { get; private set; }

    /// <summary>Entries left out because they are not 1 to <see cref="WordListEntries.MaxWords"/> words once normalised.</summary>
    public int Skipped { get; private set; }

    /// <summary>The strongest entry in the comment: a banned one if any, else the first suspect one.</summary>
    public WordListMatch Match(string text) => Count == 0 ? WordListMatch.None : Match(TextNormaliser.Normalise(text));

    public WordListMatch Match(NormalisedText text)
    {
        if (Count == 0)
        {
            return WordListMatch.None;
        }

        var words = text.Tokens;
        var best = WordListMatch.None;
        for (var start = 0; start < words.Count; start++)
        {
            var found = Walk(_root, words, start);
            if (found.Kind > best.Kind)
            {
                best = found;
                if (best.Kind == WordListKind.Banned)
                {
                    break;
                }
            }
        }

        return best;
    }

    private static WordListMatch Walk(Node node, IReadOnlyList<string> words, int at)
    {
        if (at >= words.Count || node.Next is null)
        {
            return WordListMatch.None;
        }

        var word = words[at];
        var best = Step(node, word, words, at);
        if (best.Kind != WordListKind.Banned && DigitReadings.Apply(word) is { } readings)
        {
            foreach (var reading in readings)
            {
                var found = Step(node, reading, words, at);
                if (found.Kind > best.Kind)
                {
                    best = found;
                }
            }
        }

        return best;
    }

    private static WordListMatch Step(Node node, string word, IReadOnlyList<string> words, int at)
    {
        if (!node.Next!.TryGetValue(word, out var next))
        {
            return WordListMatch.None;
        }

        var longer = Walk(next, words, at + 1);
        return longer.Kind > next.Kind ? longer : next.Kind == WordListKind.None ? WordListMatch.None : new WordListMatch(next.Kind, next.Entry);
    }

    private void Add(string entry, WordListKind kind)
    {
        var words = WordListEntries.Words(entry);
        if (words.Count is 0 or > WordListEntries.MaxWords)
        {
            // Validation refuses such entries; one stored before a change to the normaliser is skipped, not fatal.
            Skipped++;
            return;
        }

        var normalised = string.Join(' ', words);
        var added = false;
        foreach (var spelling in Spellings(words))
        {
            added |= AddPath(spelling, kind, normalised);
        }

        if (added)
        {
            Count++;
        }
    }

    /// <summary>
    /// The entry's words and the spellings the normaliser makes of them with a '1' for an 'l': it reads a '1' between
    /// letters as 'i' unless its lexicon knows the word with 'l', which a site's own word is not ("wumpf1e" comes out
    /// "wumpfie"). Each word with an 'l' doubles the spellings, so a long phrase keeps only all-'l' and all-'i'.
    /// </summary>
    private static IEnumerable<string[]> Spellings(IReadOnlyList<string> words)
    {
        var choices = words.Select(word => word.Contains('l') ? new[] { word, word.Replace('l', 'i') } : [word]).ToArray();
        var branching = choices.Count(choice => choice.Length > 1);
        if (branching > 4)
        {
            yield return [.. words];
            yield return [.. choices.Select(choice => choice[^1])];
            yield break;
        }

        for (var mask = 0; mask < 1 << branching; mask++)
        {
            var spelling = new string[choices.Length];
            var bit = 0;
            for (var i = 0; i < choices.Length; i++)
            {
                spelling[i] = choices[i].Length == 1 ? choices[i][0] : choices[i][(mask >> bit++) & 1];
            }

            yield return spelling;
        }
    }

    /// <returns>True when the path was no entry before.</returns>
    private bool AddPath(string[] words, WordListKind kind, string entry)
    {
        var node = _root;
        foreach (var word in words)
        {
            node.Next ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Next.TryGetValue(word, out var next))
            {
                next = new Node();
                node.Next[word] = next;
            }

            node = next;
        }

        var isNew = node.Kind == WordListKind.None;
        if (kind >= node.Kind)
        {
            node.Kind = kind;
            node.Entry = entry;
        }

        return isNew;
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Next;
        public WordListKind Kind;
        public string? Entry;
    }
}
