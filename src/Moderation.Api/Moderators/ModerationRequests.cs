using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;

namespace Moderation.Api.Moderators;

public sealed record DecisionRequest(string? Action, string? Reason, string? Note, long? Revision);

public sealed record BanRequest(string? Reason, bool? RejectPending);

public sealed record BanResponse(string ReaderId, bool Banned, string? Reason, int RejectedComments);

public sealed record QueueItemResponse(
    PublicComment Comment, double? Score, string? ModelVersion, IReadOnlyList<string> Reasons,
    IReadOnlyList<ReportEntry> Reports, IReadOnlyList<ScoreTerm> Explanation)
{
    public static QueueItemResponse From(QueueItem item) => new(
        PublicComment.From(item.Comment), item.Comment.Score, item.Comment.ModelVersion, item.Comment.Reasons,
        item.Reports, item.Comment.Explanation);
}

public sealed record QueueCounts(long Pending, long Reported);

public sealed record QueueResponse(IReadOnlyList<QueueItemResponse> Items, string? NextCursor, QueueCounts Counts)
{
    public static QueueResponse From(QueuePage page) =>
        new([.. page.Items.Select(QueueItemResponse.From)], page.NextCursor, new QueueCounts(page.Pending, page.Reported));
}

public sealed record AuditResponse(IReadOnlyList<AuditEntry> Items, string? NextCursor);
