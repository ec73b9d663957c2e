using System.Globalization;
using System.Text;
using Moderation.Client.Http;
using Moderation.Http.Moderators;
using Spectre.Console;

namespace Moderation.Client.Moderators;

/// <summary>Marks, in a comment's text, the words and phrases the model named as pushing its score up.</summary>
public static class ExplanationMarkup
{
    public const string Style = "bold red";

    /// <summary>The text as Spectre markup, escaped, with each occurrence (ignoring case) of a positive term highlighted.</summary>
    public static string Highlight(string text, IEnumerable<ExplanationTermResponse> terms)
    {
        var marked = new bool[text.Length];
        foreach (var term in terms.Where(t => t.Weight > 0 && !string.IsNullOrWhiteSpace(t.Text)))
        {
            var needle = term.Text.Trim();
            for (var at = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(needle, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                Array.Fill(marked, true, at, needle.Length);
            }
        }

        var markup = new StringBuilder();
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            while (end < text.Length && marked[end] == marked[start])
            {
                end++;
            }

            var run = Markup.Escape(text[start..end]);
            markup.Append(marked[start] ? $"[{Style}]{run}[/]" : run);
            start = end;
        }

        return markup.ToString();
    }

    /// <summary>The terms as one line, strongest first: <c>idiot +1.20, thanks -0.40</c>.</summary>
    public static string Describe(IEnumerable<ExplanationTermResponse> terms)
    {
        var line = string.Join(", ", terms.OrderByDescending(t => Math.Abs(t.Weight))
            .Select(t => $"{t.Text} {t.Weight.ToString("+0.00;-0.00", CultureInfo.InvariantCulture)}"));
        return line.Length == 0 ? "none" : line;
    }
}
