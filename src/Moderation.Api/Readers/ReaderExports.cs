using System.Text.Json;
using Moderation.Contracts.Moderators;
using Moderation.Contracts.Readers;
using Moderation.Http;
using Moderation.Http.Readers;
using Moderation.Redis.Readers;

namespace Moderation.Api.Readers;

/// <summary>Turns what the store holds about a reader into their export.</summary>
internal static class ReaderExports
{
    private const string RateLimitPrefix = "moderation:ratelimit:";

    public static ReaderExport From(string readerId, DateTimeOffset at, ReaderStanding standing, StoredReader stored) => new(
        readerId,
        at,
        new ExportedStanding(standing.Banned, standing.Reason, standing.BannedAt),
        new ExportedCounts(stored.Counts.Posted, stored.Counts.Approved, stored.Counts.Rejections, stored.Counts.Held, stored.PostGateLeft?.TotalSeconds),
        [.. stored.Comments.Select(Comment)],
        [.. stored.Footprint.Votes.OrderBy(vote => vote.PollId, StringComparer.Ordinal).Select(vote => new ExportedVote(vote.PollId, vote.OptionId))],
        [.. stored.Footprint.Reactions.Order(StringComparer.Ordinal)],
        [.. stored.Footprint.Reports.Select(Report).OrderBy(report => report.At)],
        [.. stored.Footprint.RateLimits.Select(Counter)]);

    private static ExportedComment Comment(StoredComment stored)
    {
        var comment = stored.Comment;
        return new ExportedComment(
            comment.Id, comment.ArticleId, comment.ParentId, comment.Status, comment.Revision, comment.Body, comment.AuthorName,
            comment.CreatedAt, comment.Score, comment.Reasons, comment.RejectionReason, comment.Reactions, comment.ReportCount, comment.Featured,
            [.. stored.Decisions.OrderBy(entry => entry.At).Select(Decision)],
            [.. stored.Labels.Select(label => new ExportedLabel(label.Label == 1, label.DecidedAt))]);
    }

    private static ExportedDecision Decision(AuditEntry entry) =>
        new(entry.At, entry.Action, entry.Reason, entry.FromStatus, entry.ToStatus, entry.ModeratorId is not null);

    private static ExportedReport Report(FoundReport report)
    {
        var entry = JsonSerializer.Deserialize<ReportEntry>(report.Json, HttpJson.Options)
            ?? throw new InvalidOperationException($"An empty report on comment {report.CommentId}.");
        return new ExportedReport(report.CommentId, entry.Reason, entry.Note, entry.At);
    }

    private static ExportedCounter Counter(FoundCounter counter)
    {
        var kind = counter.Key[RateLimitPrefix.Length..counter.Key.IndexOf(":reader:", StringComparison.Ordinal)];
        return new ExportedCounter(kind, long.TryParse(counter.Value, out var count) ? count : 0);
    }
}
