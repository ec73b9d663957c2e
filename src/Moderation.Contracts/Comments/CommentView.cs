using System.Collections.Immutable;

namespace Moderation.Contracts.Comments;

/// <summary>A stored comment with everything moderators see; the public API shows a subset.</summary>
/// <param name="Id">The comment id.</param>
/// <param name="ArticleId">The article.</param>
/// <param name="ParentId">The comment replied to, or null.</param>
/// <param name="ThreadParentId">The comment it is shown under, or null at top level.</param>
/// <param name="Depth">1 at top level, at most 4.</param>
/// <param name="AuthorId">The author's reader id.</param>
/// <param name="AuthorName">The author's display name.</param>
/// <param name="Body">The text; empty once deleted.</param>
/// <param name="CreatedAt">When it was posted.</param>
/// <param name="Sequence">Site-wide creation order.</param>
/// <param name="Status">published, pending, rejected or deleted.</param>
/// <param name="Revision">Grows with every change; decisions name the revision they saw.</param>
/// <param name="ReplyCount">Published replies shown under it.</param>
/// <param name="Score">The toxicity score, or null.</param>
/// <param name="ModelVersion">The model that scored it, or null.</param>
/// <param name="Reasons">Why it was held or queued.</param>
/// <param name="Explanation">What drove the score.</param>
/// <param name="ReportCount">Reports by distinct readers.</param>
/// <param name="Reactions">Readers who reacted to it.</param>
/// <param name="Featured">True while featured by an editor or moderator.</param>
/// <param name="RejectionReason">The reason of the latest rejection, or null.</param>
/// <param name="EditedAt">When its author last edited it, or null.</param>
[GenerateSerializer, Immutable, Alias("moderation.comment-view")]
public sealed record CommentView(
    [property: Id(0)] string Id,
    [property: Id(1)] string ArticleId,
    [property: Id(2)] string? ParentId,
    [property: Id(3)] string? ThreadParentId,
    [property: Id(4)] int Depth,
    [property: Id(5)] string AuthorId,
    [property: Id(6)] string? AuthorName,
    [property: Id(7)] string Body,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] long Sequence,
    [property: Id(10)] string Status,
    [property: Id(11)] long Revision,
    [property: Id(12)] long ReplyCount,
    [property: Id(13)] double? Score,
    [property: Id(14)] string? ModelVersion,
    [property: Id(15)] ImmutableArray<string> Reasons,
    [property: Id(16)] ImmutableArray<ScoreTerm> Explanation,
    [property: Id(17)] long ReportCount,
    [property: Id(18)] long Reactions = 0,
    [property: Id(19)] bool Featured = false,
    [property: Id(20)] string? RejectionReason = null,
    [property: Id(21)] DateTimeOffset? EditedAt = null);
