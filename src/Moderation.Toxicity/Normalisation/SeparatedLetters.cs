using System.Text.RegularExpressions;
using Moderation.Toxicity.Lexicon;

namespace Moderation.Toxicity.Normalisation;

/// <summary>
/// Joins words spelled with separators: "f.u.c.k", "f-u-c-k", "f_u_c_k" inside one token, and runs of
/// three or more single-letter tokens ("f u c k"). Two letters ("e.g.") are left alone.
/// </summary>
internal static partial class SeparatedLetters
{
    public static List<string> Join(string[] tokens, ref EvasionSignals signals)
    {
        var joined = new List<string>(tokens.Length);
        var run = new List<string>();
        foreach (var raw in tokens)
        {
            var token = raw;
            if (token.Length >= 5 && token.AsSpan().IndexOfAny(Separators) >= 0 && InsideToken().IsMatch(token))
            {
                token = string.Concat(token.Where(c => !IsSeparator(c)));
                signals |= EvasionSignals.SeparatedLetters;
            }

            if (IsSingleLetter(token))
            {
                run.Add(token);
                continue;
            }

            Flush(run, joined, ref signals);
            joined.Add(token);
        }

        Flush(run, joined, ref signals);
        return joined;
    }

    private static void Flush(List<string> run, List<string> joined, ref EvasionSignals signals)
    {
        if (run.Count >= 3)
        {
            // "you are a m o r o n": a leading "a" or "i" is usually the English word, unless the whole run spells an abusive one ("a s s").
            var whole = string.Concat(run);
            if (run.Count >= 4 && run[0] is "a" or "i" && !ToxicLexicon.IsKnown(whole))
            {
                joined.Add(run[0]);
                whole = string.Concat(run.Skip(1));
            }

            joined.Add(whole);
            signals |= EvasionSignals.SeparatedLetters;
        }
        else
        {
            joined.AddRange(run);
        }

        run.Clear();
    }

    private static readonly System.Buffers.SearchValues<char> Separators = System.Buffers.SearchValues.Create(".-_*·•~+/\\,");

    private static bool IsSingleLetter(string token) =>
        token.Length == 1 && (char.IsLetter(token[0]) || token[0] is '@' or '$' or '*' or '0' or '3' or '1' or '!');

    private static bool IsSeparator(char ch) => ch is '.' or '-' or '_' or '*' or '·' or '•' or '~' or '+' or '/' or '\\' or ',';

    [GeneratedRegex(@"^(?:[\p{L}@$013!][.\-_*·•~+/\\,]){2,}[\p{L}@$013!][.\-_*·•~+/\\,]?$", RegexOptions.CultureInvariant)]
    private static partial Regex InsideToken();
}
