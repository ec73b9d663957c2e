using System.Net;
using System.Text.RegularExpressions;

namespace Moderation.Toxicity.Normalisation;

/// <summary>
/// Strips what the source platform adds rather than the author says: HTML entities, URLs,
/// @mentions, a retweet "RT" and the '#' of hashtags. An "@" token that decodes to an abusive
/// word ("@ss") is leetspeak, not a mention, and stays.
/// </summary>
internal static partial class SourceNoise
{
    public static string Strip(string text, Func<string, bool> isAbusiveWord)
    {
        if (text.Contains('&'))
        {
            text = WebUtility.HtmlDecode(WebUtility.HtmlDecode(text));
        }

        // Each pattern runs only when its marker is present: most comments have none, and this is the hot path.
        if (text.Contains("http", StringComparison.OrdinalIgnoreCase) || text.Contains("www.", StringComparison.OrdinalIgnoreCase) || HasDomainPath(text))
        {
            text = UrlPattern().Replace(text, " ");
        }

        if (text.Contains('@'))
        {
            text = MentionPattern().Replace(text, match => isAbusiveWord(match.Value) ? match.Value : " ");
        }

        if (text.Contains("RT", StringComparison.Ordinal))
        {
            text = RetweetPattern().Replace(text, " ");
        }

        return text.Contains('#') ? HashtagPattern().Replace(text, "$1") : text;
    }

    private static bool HasDomainPath(string text)
    {
        foreach (var ending in DomainEndings)
        {
            if (text.Contains(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] DomainEndings = [".com/", ".org/", ".net/", ".ly/", ".co/"];

    [GeneratedRegex(@"(?:https?://|www\.)\S+|\b\S+\.(?:com|org|net|ly|co)/\S*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(?<![\w@])@[\w$@]+:?", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"\bRT\b:?", RegexOptions.CultureInvariant)]
    private static partial Regex RetweetPattern();

    [GeneratedRegex(@"(?<!\w)#(\w)", RegexOptions.CultureInvariant)]
    private static partial Regex HashtagPattern();
}
