namespace Moderation.Toxicity.Scoring;

/// <summary>
/// Where each character n-gram of one comment occurs and which word holds it, built once per comment so that an
/// explanation costs a dictionary lookup per active n-gram instead of a search through the text. N-grams are
/// keyed by <see cref="CharGramKey"/>, so building the index allocates only the words.
/// </summary>
internal sealed class CharGramIndex
{
    private readonly Dictionary<ulong, (string First, List<string>? More)> _words = [];

    /// <param name="marked">The normalised text between ML.NET's start (U+0002) and end (U+0003) markers.</param>
    /// <param name="lengths">The n-gram lengths the model uses (at most <see cref="CharGramKey.MaxLength"/>).</param>
    public CharGramIndex(string marked, int[] lengths)
    {
        var wordAt = new string?[marked.Length];
        for (var i = 0; i < marked.Length;)
        {
            if (marked[i] is ' ' or '\u0002' or '\u0003')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < marked.Length && marked[i] is not (' ' or '\u0002' or '\u0003')) i++;
            var word = marked[start..i];
            for (var k = start; k < i; k++) wordAt[k] = word;
        }

        foreach (var length in lengths)
        {
            for (var at = 0; at + length <= marked.Length; at++)
            {
                if (WordIn(wordAt, at, length) is not { } word)
                {
                    continue;
                }

                var key = CharGramKey.Of(marked.AsSpan(at, length));
                if (!_words.TryGetValue(key, out var held))
                {
                    _words[key] = (word, null);
                }
                else
                {
                    (held.More ??= []).Add(word);
                    _words[key] = held;
                }
            }
        }
    }

    /// <summary>How many times the n-gram occurs (0 when it does not).</summary>
    public int Occurrences(ulong gram) => _words.TryGetValue(gram, out var held) ? 1 + (held.More?.Count ?? 0) : 0;

    /// <summary>The word of the n-gram's <paramref name="occurrence"/>-th occurrence.</summary>
    public string WordAt(ulong gram, int occurrence)
    {
        var held = _words[gram];
        return occurrence == 0 ? held.First : held.More![occurrence - 1];
    }

    // The word under the n-gram's middle, else the first word it touches.
    private static string? WordIn(string?[] wordAt, int at, int length)
    {
        var middle = wordAt[at + length / 2];
        if (middle is not null)
        {
            return middle;
        }

        for (var k = at; k < at + length; k++)
        {
            if (wordAt[k] is not null)
            {
                return wordAt[k];
            }
        }

        return null;
    }
}
