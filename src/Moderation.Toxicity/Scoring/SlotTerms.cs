using Microsoft.ML.Data;

namespace Moderation.Toxicity.Scoring;

/// <summary>
/// What each text slot of a model stands for, parsed once from ML.NET's slot names ("Word.you|idiot",
/// "Char.<␂>|y|o|u") on first use and kept: a word n-gram's words, or a character n-gram packed into a
/// number (<see cref="CharGramKey"/>). Parsing the names on every explanation was most of its cost.
/// </summary>
internal sealed class SlotTerms(VBuffer<ReadOnlyMemory<char>> names)
{
    private const char Start = '\u0002';
    private const char End = '\u0003';

    private readonly string?[] _words = new string?[names.Length];
    private readonly ulong[] _grams = new ulong[names.Length];

    // 0: not parsed yet; 1: word n-gram; 2: character n-gram; 3: neither.
    private readonly byte[] _kinds = new byte[names.Length];

    public int Count => _kinds.Length;

    /// <summary>The words of a word n-gram slot, else null.</summary>
    public string? Words(int slot) => Parse(slot) == 1 ? _words[slot] : null;

    /// <summary>The packed key of a character n-gram slot, else 0.</summary>
    public ulong Gram(int slot) => Parse(slot) == 2 ? _grams[slot] : 0;

    // Racing threads parse the same name to the same value; the kind is written last, so a reader that sees it sees the value.
    private byte Parse(int slot)
    {
        var kind = Volatile.Read(ref _kinds[slot]);
        if (kind != 0)
        {
            return kind;
        }

        var name = names.GetItemOrDefault(slot).Span;
        if (name.StartsWith("Word."))
        {
            _words[slot] = name[5..].ToString().Replace('|', ' ');
            kind = 1;
        }
        else if (name.StartsWith("Char.") && CharGram(name[5..]) is { } key)
        {
            _grams[slot] = key;
            kind = 2;
        }
        else
        {
            kind = 3;
        }

        Volatile.Write(ref _kinds[slot], kind);
        return kind;
    }

    private static ulong? CharGram(ReadOnlySpan<char> name)
    {
        Span<char> gram = stackalloc char[CharGramKey.MaxLength];
        var length = 0;
        foreach (var range in name.Split('|'))
        {
            if (length == CharGramKey.MaxLength)
            {
                return null;
            }

            var part = name[range];
            var ch = part switch
            {
                "<␠>" => ' ',
                "<␂>" => Start,
                "<␃>" => End,
                _ when part.Length == 1 && part[0] != '\0' => part[0],
                _ => (char?)null,
            };
            if (ch is null)
            {
                return null;
            }

            gram[length++] = ch.Value;
        }

        return CharGramKey.Of(gram[..length]);
    }
}

/// <summary>
/// A character n-gram of one to four UTF-16 characters packed into one number, 16 bits a character, so finding
/// one allocates nothing. Distinct grams get distinct keys because text never holds U+0000.
/// </summary>
internal static class CharGramKey
{
    public const int MaxLength = 4;

    public static ulong Of(ReadOnlySpan<char> gram)
    {
        ulong key = 0;
        for (var i = 0; i < gram.Length; i++)
        {
            key |= (ulong)gram[i] << (16 * i);
        }

        return key;
    }
}
