using System.Globalization;
using System.Text;
using Moderation.Toxicity.Lexicon;

namespace Moderation.Toxicity.Normalisation;

/// <summary>
/// Turns a raw comment into the text the model sees, undoing the usual ways of dodging a filter.
/// Order matters: entities and invisible characters go first so later steps see real letters;
/// compatibility folding (NFKC) turns full-width, circled and mathematical letters into ASCII
/// before homoglyphs and leetspeak are undone; words are joined before their letters are decoded.
/// </summary>
public static class TextNormaliser
{
    /// <summary>Changes whenever the output for some input changes; a model records the version it was trained with. 2: clause ends and quotation marks.</summary>
    public const int Version = 2;

    public static NormalisedText Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new NormalisedText(string.Empty, [], EvasionSignals.None, 0, 0);
        }

        var signals = EvasionSignals.None;
        var text = InvisibleCharacters.Remove(raw, ref signals);
        text = text.Normalize(NormalizationForm.FormKC);
        text = SourceNoise.Strip(text, Leetspeak.IsAbusiveInDisguise);
        var (uppercase, exclamations) = StyleOf(text);
        text = StripDiacritics(text.ToLowerInvariant());
        text = Homoglyphs.Fold(text, ref signals);

        var words = SeparatedLetters.Join(text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries), ref signals);
        var tokens = new List<string>(words.Count);
        var clauseEnds = new List<bool>(words.Count);
        var quoted = new List<bool>(words.Count);
        var inQuote = false;
        foreach (var word in words)
        {
            var opensQuote = !inQuote && IsQuoteMark(word[0]);
            inQuote |= opensQuote;
            var decoded = Leetspeak.Decode(word, ref signals);
            foreach (var piece in SplitWord(decoded))
            {
                tokens.Add(StretchedLetters.Collapse(piece, ref signals));
                clauseEnds.Add(false);
                quoted.Add(inQuote);
            }

            if (tokens.Count > 0 && EndsClause(word))
            {
                clauseEnds[^1] = true;
            }

            var end = word.TrimEnd(ClosingPunctuation);
            if (inQuote && (word.Length > 1 || !opensQuote) && end.Length > 0 && IsQuoteMark(end[^1]))
            {
                inQuote = false;
            }
        }

        return new NormalisedText(string.Join(' ', tokens), tokens, signals, uppercase, exclamations) { ClauseEnds = clauseEnds, Quoted = quoted };
    }

    private static readonly char[] ClosingPunctuation = ['.', ',', '!', '?', ';', ':'];

    // Straight and curly double quotes; single quotes are apostrophes too often to mark a quotation.
    private static bool IsQuoteMark(char ch) => ch is '"' or '“' or '”' or '«' or '»';

    // A word the writer ended with a full stop, question or exclamation mark, semicolon, colon or comma ends a
    // clause, as does such a mark or a dash standing alone; a dotted abbreviation or spelling ("U.S.",
    // "m.o.r.o.n.") does not.
    private static bool EndsClause(string word)
    {
        var trimmed = word.TrimEnd('"', '“', '”', '»', ')');
        if (trimmed.Length > 0 && trimmed.All(ch => ch is '.' or '?' or '!' or ';' or ':' or ',' or '-' or '–' or '—'))
        {
            return true;
        }

        if (trimmed.Length < 2 || trimmed[^1] is not ('.' or '?' or '!' or ';' or ':' or ','))
        {
            return false;
        }

        var body = trimmed.TrimEnd('.', '?', '!', ';', ':', ',');
        return body.Length > 0 && (trimmed[^1] != '.' || !body.Contains('.'));
    }

    /// <summary>Splits on anything that is not a letter or digit; apostrophes join ("don't" is "dont").</summary>
    private static IEnumerable<string> SplitWord(string word)
    {
        if (word.All(char.IsAsciiLetterOrDigit))
        {
            yield return word;
            yield break;
        }

        var builder = new StringBuilder(word.Length);
        foreach (var ch in word)
        {
            if (char.IsLetterOrDigit(ch))
            {
                builder.Append(ch);
            }
            else if (ch is '\'' or '’' or '`' or '´')
            {
                continue;
            }
            else if (builder.Length > 0)
            {
                yield return builder.ToString();
                builder.Clear();
            }
        }

        if (builder.Length > 0)
        {
            yield return builder.ToString();
        }
    }

    private static string StripDiacritics(string text)
    {
        if (System.Text.Ascii.IsValid(text))
        {
            return text;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark))
            {
                builder.Append(ch);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private static (double Uppercase, int Exclamations) StyleOf(string text)
    {
        int letters = 0, upper = 0, exclamations = 0;
        foreach (var ch in text)
        {
            if (char.IsLetter(ch))
            {
                letters++;
                if (char.IsUpper(ch))
                {
                    upper++;
                }
            }
            else if (ch == '!')
            {
                exclamations++;
            }
        }

        // Short texts ("OK", "USA") say nothing about shouting.
        return (letters >= 8 ? (double)upper / letters : 0, exclamations);
    }
}
