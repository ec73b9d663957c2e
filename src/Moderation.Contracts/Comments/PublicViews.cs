using Moderation.Http.Comments;

namespace Moderation.Contracts.Comments;

/// <summary>What readers see of stored comments: the HTTP shapes of <c>Moderation.Http</c>, built from the grains' records.</summary>
public static class PublicViews
{
    /// <summary>The public view of a stored comment; <paramref name="reactedByMe"/> only for a request with a token.</summary>
    public static PublicComment Comment(CommentView comment, bool? reactedByMe = null) => new(
        comment.Id,
        comment.ArticleId,
        comment.ParentId,
        comment.ThreadParentId,
        comment.Depth,
        comment.AuthorId,
        comment.AuthorName,
        comment.Body,
        comment.CreatedAt,
        comment.Status,
        comment.Revision,
        comment.ReplyCount,
        comment.Status == CommentStatus.Deleted,
        comment.Reactions,
        comment.Featured,
        reactedByMe)
    {
        EditedAt = comment.EditedAt,
    };

    /// <summary>The moderators' view of earlier texts.</summary>
    public static IReadOnlyList<CommentVersionResponse> Versions(IEnumerable<CommentVersion> versions) =>
        [.. versions.Select(version => new CommentVersionResponse(version.Body, version.WrittenAt, version.ReplacedAt))];

    /// <summary>The public view of a page.</summary>
    public static PublicCommentPage Page(CommentPage page) => new([.. page.Items.Select(comment => Comment(comment))], page.NextCursor);

    /// <summary>The public view of a page for a reader with a token: <paramref name="reacted"/> holds the ids they reacted to.</summary>
    public static PublicCommentPage Page(CommentPage page, IReadOnlySet<string> reacted) =>
        new([.. page.Items.Select(comment => Comment(comment, reacted.Contains(comment.Id)))], page.NextCursor);
}
