using Moderation.Http.Comments;

namespace Moderation.Contracts.Comments;

/// <summary>What readers see of stored comments: the HTTP shapes of <c>Moderation.Http</c>, built from the grains' records.</summary>
public static class PublicViews
{
    /// <summary>The public view of a stored comment.</summary>
    public static PublicComment Comment(CommentView comment) => new(
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
        comment.Status == CommentStatus.Deleted);

    /// <summary>The public view of a page.</summary>
    public static PublicCommentPage Page(CommentPage page) => new([.. page.Items.Select(Comment)], page.NextCursor);
}
