using Moderation.Http.Comments;
namespace Moderation.Contracts.Comments;

/// <summary>What an article's event channel carries: a newly published comment with the count, or the count alone.</summary>
/// <param name="Kind">comment or count.</param>
/// <param name="Count">The article's published comments after the change.</param>
/// <param name="Comment">The newly published comment, for kind comment.</param>
public sealed record ArticleEvent(string Kind, long Count, PublicComment? Comment)
{
    /// <summary>A comment was published.</summary>
    public const string CommentKind = "comment";
    /// <summary>The published count changed without a new comment (a rejection or deletion).</summary>
    public const string CountKind = "count";
}
