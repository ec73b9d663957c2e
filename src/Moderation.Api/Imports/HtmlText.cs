using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Moderation.Api.Imports;

/// <summary>
/// Reduces a comment's HTML to the plain text the widgets show: paragraphs and line breaks become newlines, links their
/// words, entities their characters; scripts, styles and every other tag go. Widgets render text, never markup.
/// </summary>
public static partial class HtmlText
{
    public static string Reduce(string html)
    {
        var text = Hidden().Replace(html, "");
        text = BlockEnd().Replace(text, "\n\n");
        text = LineBreak().Replace(text, "\n");
        text = Tag().Replace(text, "");
        return Tidy(WebUtility.HtmlDecode(text));
    }

    /// <summary>Newlines as \n, no control characters but newline and tab, no trailing spaces, at most one empty line in a row, trimmed.</summary>
    public static string Tidy(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            if (c is '\n' or '\t' || !char.IsControl(c))
            {
                clean.Append(c == '\u00A0' ? ' ' : c);
            }
        }

        var lines = clean.ToString().Split('\n').Select(line => line.TrimEnd());
        return ManyEmptyLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"</(p|div|blockquote|li|ul|ol|h[1-6]|pre)\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"</?[A-Za-z!?][^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n{3,}", RegexOptions.CultureInvariant)]
    private static partial Regex ManyEmptyLines();
}
