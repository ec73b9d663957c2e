namespace Moderation.Toxicity.SiteModels;

/// <summary>
/// The n-grams the site model reads from a normalised comment (lower-case tokens joined by single spaces): word
/// 1-2-grams, and character 4-grams inside each word padded with a space at both ends. Unlike ML.NET's character
/// n-grams these never span two words, so an explanation can give each one to the word that holds it.
/// </summary>
internal static class SiteNgrams
{
    public const int CharLength = 4;

    /// <summary>Every n-gram occurrence as a string with the term an explanation names: the word(s) it comes from.</summary>
    public static IEnumerable<(string Gram, bool IsChar, string Term)> Enumerate(string normalised)
    {
        var words = normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            yield return (words[i], false, words[i]);
            if (i > 0)
            {
                var bigram = words[i - 1] + " " + words[i];
                yield return (bigram, false, bigram);
            }

            var padded = " " + words[i] + " ";
            for (var at = 0; at + CharLength <= padded.Length; at++)
            {
                yield return (padded.Substring(at, CharLength), true, words[i]);
            }
        }
    }

    /// <summary>
    /// Adds the vocabulary index of every n-gram occurrence found in <paramref name="words"/> or <paramref name="chars"/>
    /// to <paramref name="into"/>, without allocating strings (the scoring path).
    /// </summary>
    public static void CollectIndices(
        ReadOnlySpan<char> text,
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> words,
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> chars,
        List<int> into)
    {
        Span<char> buffer = stackalloc char[256];
        int previousStart = -1, previousLength = 0;
        var position = 0;
        while (position < text.Length)
        {
            if (text[position] == ' ')
            {
                position++;
                continue;
            }

            var start = position;
            while (position < text.Length && text[position] != ' ') position++;
            var word = text[start..position];
            if (words.TryGetValue(word, out var index)) into.Add(index);

            if (previousStart >= 0)
            {
                var length = previousLength + 1 + word.Length;
                var bigram = length <= buffer.Length ? buffer[..length] : new char[length];
                text.Slice(previousStart, previousLength).CopyTo(bigram);
                bigram[previousLength] = ' ';
                word.CopyTo(bigram[(previousLength + 1)..]);
                if (words.TryGetValue(bigram, out index)) into.Add(index);
            }

            var paddedLength = word.Length + 2;
            var padded = paddedLength <= buffer.Length ? buffer[..paddedLength] : new char[paddedLength];
            padded[0] = ' ';
            word.CopyTo(padded[1..]);
            padded[^1] = ' ';
            for (var at = 0; at + CharLength <= padded.Length; at++)
            {
                if (chars.TryGetValue(padded.Slice(at, CharLength), out index)) into.Add(index);
            }

            previousStart = start;
            previousLength = word.Length;
        }
    }
}
