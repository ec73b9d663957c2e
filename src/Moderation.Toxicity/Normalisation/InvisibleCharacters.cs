using System.Globalization;
using System.Text;

namespace Moderation.Toxicity.Normalisation;

/// <summary>Removes zero-width, bidi-control, soft-hyphen and variation-selector characters (Unicode category Cf and friends).</summary>
internal static class InvisibleCharacters
{
    public static string Remove(string text, ref EvasionSignals signals)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (IsInvisible(ch))
            {
                builder ??= new StringBuilder(text, 0, i, text.Length);
                signals |= EvasionSignals.InvisibleCharacters;
                continue;
            }

            builder?.Append(ch);
        }

        return builder?.ToString() ?? text;
    }

    private static bool IsInvisible(char ch) =>
        ch is '\u034F' or (>= '\uFE00' and <= '\uFE0F')
        || (ch > '\u007F' && CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.Format);
}
