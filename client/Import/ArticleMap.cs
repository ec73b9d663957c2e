using System.Text.RegularExpressions;

namespace Moderation.Client.Import;

/// <summary>
/// Which article a source thread is. A <c>--map</c> file (lines <c>source,articleId</c>, where source is a thread's
/// identifier, link or slug) says so where the site's ids differ from the source's; otherwise the thread's identifier,
/// then its slug, is the article id when it has an article id's shape.
/// </summary>
internal sealed partial class ArticleMap(IReadOnlyDictionary<string, string> entries)
{
    public static ArticleMap Empty { get; } = new(new Dictionary<string, string>());

    public int Count => entries.Count;

    public static ArticleMap Load(string path)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            var comma = line.LastIndexOfAny([',', '\t']);
            var article = comma < 0 ? "" : line[(comma + 1)..].Trim();
            if (comma <= 0 || !IsArticleId(article))
            {
                throw new InvalidDataException($"{path}:{number}: a line is 'source,articleId' with an article id of 1 to 128 of A-Za-z0-9._-, not '{line}'.");
            }

            entries[line[..comma].Trim()] = article;
        }

        return new ArticleMap(entries);
    }

    /// <summary>The article id for a thread, or null when neither the map nor the thread's own names give one.</summary>
    public string? ArticleOf(SourceThread? thread)
    {
        if (thread is null)
        {
            return null;
        }

        string?[] names = [thread.Identifier, thread.Link, thread.Slug];
        foreach (var name in names)
        {
            if (name is not null && entries.TryGetValue(name, out var mapped))
            {
                return mapped;
            }
        }

        return IsArticleId(thread.Identifier) ? thread.Identifier : IsArticleId(thread.Slug) ? thread.Slug : null;
    }

    public static bool IsArticleId(string? id) => id is not null && ArticleId().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleId();
}
