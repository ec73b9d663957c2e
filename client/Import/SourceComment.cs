using Moderation.Http.Imports;

namespace Moderation.Client.Import;

/// <summary>The page a source system hung comments on: its own id for it, its address and its slug, any of which may be missing.</summary>
internal sealed record SourceThread(string? Identifier, string? Link, string? Slug)
{
    /// <summary>The last non-empty segment of the link's path: <c>https://site/2019/03/a-story/</c> gives <c>a-story</c>.</summary>
    public static string? SlugOf(string? link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri)
            ? uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            : null;
}

/// <summary>One comment as read from a source export, before it is mapped to an article.</summary>
/// <param name="AuthorKey">What identifies the author in the source (<c>email:…</c>, <c>disqus:username</c>, …); the service hashes it.</param>
/// <param name="Status">published, pending, rejected or deleted.</param>
/// <param name="Extras">From this service's export only: reactors, reports, featured mark, score.</param>
internal sealed record SourceComment(
    string SourceId,
    SourceThread? Thread,
    string? ParentSourceId,
    string AuthorKey,
    string? AuthorName,
    string Body,
    DateTimeOffset CreatedAt,
    string Status,
    string? RejectionReason,
    ImportCommentExtras? Extras = null);
