namespace Moderation.Toxicity.Scoring;

/// <summary>
/// Where each character n-gram of one comment occurs and which word holds it, built once per comment so that an
/// explanation costs a dictionary lookup per active n-gram instead of a search through the text.
/// </summary>
internal sealed class CharGramIndex
{
    private readonly Dictionary<string, List<string>> _words = new(StringComparer.Ordinal);

    /// <param name="marked">The normalised text between ML.NET's start (U+0002) and end (U+0003) markers.</param>
    /// <param name="lengths">The n-gram lengths the model uses.</param>
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
                var word = WordIn(wordAt, at, length);
                if (word is null)
                {
                    continue;
                }

                var gram = marked.Substring(at, length);
                if (!_words.TryGetValue(gram, out var list))
                {
                    _words[gram] = list = new List<string>(1);
                }

                list.Add(word);
            }
        }
    }

    /// <summary>The word of each occurrence of the n-gram (empty when it does not occur).</summary>
    public IReadOnlyList<string> WordsHolding(string gram) => _words.TryGetValue(gram, out var words) ? words : [];

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
