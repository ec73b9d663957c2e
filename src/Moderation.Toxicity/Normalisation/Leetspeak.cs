using Moderation.Toxicity.Lexicon;

namespace Moderation.Toxicity.Normalisation;

/// <summary>
/// Undoes leetspeak and masking inside one word. A digit or symbol between letters is always read as a
/// letter ("h3ll0", "sh!t"); one at the edge of a word only when that makes a lexicon word ("1diot", "a$$"),
/// so "mp3", "4chan" and "idiot!" keep their meaning. '1' becomes 'i' unless 'l' makes a lexicon word.
/// A '*' between letters ("f*ck") is filled from the lexicon when one word fits.
/// </summary>
internal static class Leetspeak
{
    private static readonly char[] TrailingPunctuation = ['!', '?', '.', ',', ';', ':', '"', '(', ')'];

    public static string Decode(string word, ref EvasionSignals signals)
    {
        // Sentence punctuation around a word is not leetspeak: "1diot!!" is "1diot" and "!!".
        var core = word.Trim(TrailingPunctuation);
        if (core.Length != word.Length)
        {
            return core.Length == 0 ? word : word.Replace(core, Decode(core, ref signals));
        }

        if (!NeedsDecoding(word))
        {
            return word;
        }

        if (word.Contains('*') || word.Contains('#'))
        {
            var unmasked = MaskedWords.Fill(word);
            if (unmasked is not null)
            {
                signals |= EvasionSignals.MaskedLetters;
                return unmasked;
            }
        }

        var interior = Map(word, edges: false, one: 'i');
        var interiorL = Map(word, edges: false, one: 'l');
        var full = Map(word, edges: true, one: 'i');
        var fullL = Map(word, edges: true, one: 'l');
        string result;
        if (interior != word && ToxicLexicon.IsKnown(Letters(interior)))
        {
            result = interior;
        }
        else if (interiorL != word && ToxicLexicon.IsKnown(Letters(interiorL)))
        {
            result = interiorL;
        }
        else if (ToxicLexicon.IsKnown(Letters(word)))
        {
            // "idiot!" is a word and an exclamation mark, not "idioti".
            return word;
        }
        else if (ToxicLexicon.IsKnown(Letters(full)))
        {
            result = full;
        }
        else if (ToxicLexicon.IsKnown(Letters(fullL)))
        {
            result = fullL;
        }
        else if (interior != word)
        {
            // The word already uses leetspeak inside, so its edges are leetspeak too ("h3ll0").
            result = full;
        }
        else
        {
            return word;
        }

        if (result != word)
        {
            signals |= EvasionSignals.Leetspeak;
        }

        return result;
    }

    /// <summary>Decodes a candidate @mention to see whether it is an abusive word in disguise.</summary>
    public static bool IsAbusiveInDisguise(string token)
    {
        var signals = EvasionSignals.None;
        var word = Decode(token.TrimEnd(':').ToLowerInvariant(), ref signals);
        return ToxicLexicon.IsAbusive(Letters(word));
    }

    private static bool NeedsDecoding(string word)
    {
        var letters = 0;
        var others = 0;
        foreach (var ch in word)
        {
            if (char.IsAsciiLetter(ch))
            {
                letters++;
            }
            else if (IsLeet(ch) || ch is '*' or '#')
            {
                others++;
            }
        }

        return letters >= 1 && others >= 1 && letters + others >= 3;
    }

    private static string Map(string word, bool edges, char one)
    {
        var chars = word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var letter = LetterFor(word[i], one);
            if (letter == '\0')
            {
                continue;
            }

            var betweenLetters = LetterBefore(word, i) && LetterAfter(word, i);
            var before = i > 0 && IsLetterLike(word[i - 1]);
            var after = i < word.Length - 1 && IsLetterLike(word[i + 1]);
            if (betweenLetters || (edges && (before || after) && HasLetter(word, i)))
            {
                chars[i] = letter;
            }
        }

        return new string(chars);
    }

    /// <summary>A letter before position i, skipping other leetspeak characters ("n00b": both zeros sit between letters).</summary>
    private static bool LetterBefore(string word, int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (char.IsAsciiLetter(word[j])) return true;
            if (!IsLeet(word[j])) return false;
        }

        return false;
    }

    private static bool LetterAfter(string word, int i)
    {
        for (var j = i + 1; j < word.Length; j++)
        {
            if (char.IsAsciiLetter(word[j])) return true;
            if (!IsLeet(word[j])) return false;
        }

        return false;
    }

    private static bool HasLetter(string word, int except)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (i != except && char.IsAsciiLetter(word[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLetterLike(char ch) => char.IsAsciiLetter(ch) || IsLeet(ch);

    private static bool IsLeet(char ch) => LetterFor(ch, 'i') != '\0';

    private static char LetterFor(char ch, char one) => ch switch
    {
        '@' or '4' => 'a',
        '3' or '€' => 'e',
        '0' => 'o',
        '$' or '5' => 's',
        '1' => one,
        '!' or '¡' => 'i',
        '7' or '+' => 't',
        '|' => 'l',
        '8' => 'b',
        '9' => 'g',
        _ => '\0',
    };

    internal static string Letters(string word)
    {
        Span<char> buffer = stackalloc char[word.Length];
        var n = 0;
        foreach (var ch in word)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                buffer[n++] = ch;
            }
        }

        return new string(buffer[..n]);
    }
}
