using System.Text.RegularExpressions;

namespace Moderation.Contracts.Articles;

/// <summary>The shape of an article id the contract allows: 1 to 128 of A-Za-z0-9._-</summary>
public static partial class ArticleIds
{
    /// <summary>True when <paramref name="id"/> is a well-formed article id.</summary>
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
