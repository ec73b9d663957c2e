namespace Moderation.Toxicity.SiteModels;

/// <summary>
/// The n-grams the site model reads from a normalised comment (lower-case tokens joined by single spaces): word
/// 1-2-grams, and character 4-grams inside each word padded with a space at both ends. Unlike ML.NET's character
/// n-grams these never span two words, so an explanation can give each one to the word that holds it.
/// </summary>
internal static class SiteNgrams
{
    public const int CharLength = 4;

    /// <summary>Every n-gram occurrence as a string (the training path).</summary>
    public static IEnumerable<(string Gram, bool IsChar)> Enumerate(string normalised)
    {
        var words = normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            yield return (words[i], false);
            if (i > 0)
            {
                yield return (words[i - 1] + " " + words[i], false);
            }

            var padded = " " + words[i] + " ";
            for (var at = 0; at + CharLength <= padded.Length; at++)
            {
                yield return (padded.Substring(at, CharLength), true);
            }
        }
    }

    /// <summary>
    /// Adds every n-gram occurrence found in <paramref name="words"/> or <paramref name="chars"/> to
    /// <paramref name="into"/>: its vocabulary index and where the word or words it belongs to sit in the text. Allocates
    /// no strings: this is the scoring path. Words are separated by single spaces in a normalised text, so a bigram's
    /// owner is one range too.
    /// </summary>
    public static void Collect(
        ReadOnlySpan<char> text,
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> words,
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> chars,
        List<GramOccurrence> into)
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
            if (words.TryGetValue(word, out var index)) into.Add(new GramOccurrence(index, start, word.Length));

            if (previousStart >= 0)
            {
                var length = previousLength + 1 + word.Length;
                var bigram = length <= buffer.Length ? buffer[..length] : new char[length];
                text.Slice(previousStart, previousLength).CopyTo(bigram);
                bigram[previousLength] = ' ';
                word.CopyTo(bigram[(previousLength + 1)..]);
                if (words.TryGetValue(bigram, out index)) into.Add(new GramOccurrence(index, previousStart, position - previousStart));
            }

            var paddedLength = word.Length + 2;
            var padded = paddedLength <= buffer.Length ? buffer[..paddedLength] : new char[paddedLength];
            padded[0] = ' ';
            word.CopyTo(padded[1..]);
            padded[^1] = ' ';
            for (var at = 0; at + CharLength <= padded.Length; at++)
            {
                if (chars.TryGetValue(padded.Slice(at, CharLength), out index)) into.Add(new GramOccurrence(index, start, word.Length));
            }

            previousStart = start;
            previousLength = word.Length;
        }
    }
}

/// <summary>One n-gram found in a text: its vocabulary index and the range of the word(s) that hold it.</summary>
internal readonly record struct GramOccurrence(int Index, int Start, int Length);
