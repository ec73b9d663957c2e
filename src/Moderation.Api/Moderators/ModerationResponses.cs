using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Http.Moderators;

namespace Moderation.Api.Moderators;

/// <summary>The HTTP shapes of queues and the audit trail (<see cref="Moderation.Http.Moderators"/>) built from the grains' records.</summary>
public static class ModerationResponses
{
    public static QueueItemResponse Item(QueueItem item) => new(
        PublicViews.Comment(item.Comment) with { Versions = item.Comment.EditedAt is null ? null : PublicViews.Versions(item.Versions) }, item.Comment.Score, item.Comment.ModelVersion, item.Comment.Reasons,
        [.. item.Reports.Select(report => new ReportResponse(report.ReaderId, report.Reason, report.Note, report.At))],
        [.. item.Comment.Explanation.Select(term => new ExplanationTermResponse(term.Text, term.Weight))],
        AuthorHistoryApi.PathOf(item.Comment.AuthorId));

    public static QueueResponse Queue(QueuePage page) =>
        new([.. page.Items.Select(Item)], page.NextCursor, new QueueCounts(page.Pending, page.Reported));

    public static AuditResponse Audit(AuditPage page) => new(
        [.. page.Items.Select(entry => new AuditEntryResponse(
            entry.At, entry.ModeratorId, entry.CommentId, entry.ReaderId, entry.Action, entry.Reason, entry.Note,
            entry.FromStatus, entry.ToStatus, entry.Score))],
        page.NextCursor);
}
