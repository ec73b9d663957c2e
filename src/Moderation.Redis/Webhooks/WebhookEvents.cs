using System.Collections.Immutable;
using System.Text.Json;
using Moderation.Contracts.Comments;

namespace Moderation.Redis.Webhooks;

/// <summary>The events a webhook can subscribe to, and their JSON: the body each delivery posts.</summary>
public static class WebhookEvents
{
    public const string CommentPublished = "comment.published";
    public const string CommentHeld = "comment.held";
    public const string CommentApproved = "comment.approved";
    public const string CommentRejected = "comment.rejected";
    public const string CommentReported = "comment.reported";
    public const string ReaderBanned = "reader.banned";
    public const string PollClosed = "poll.closed";

    public static readonly ImmutableArray<string> All =
        [CommentPublished, CommentHeld, CommentApproved, CommentRejected, CommentReported, ReaderBanned, PollClosed];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The event of a new comment: published, held, or rejected at once by the site's rules.</summary>
    public static string OfPostedStatus(string status) => status switch
    {
        CommentStatus.Published => CommentPublished,
        CommentStatus.Rejected => CommentRejected,
        _ => CommentHeld,
    };

    /// <summary>An event about a comment, as it is after the change.</summary>
    public static string Comment(string type, CommentView comment, string status, string? moderatorId, string? reason, DateTimeOffset at) =>
        Serialize(NewId(), type, at, new
        {
            commentId = comment.Id,
            articleId = comment.ArticleId,
            parentId = comment.ParentId,
            authorId = comment.AuthorId,
            authorName = comment.AuthorName,
            body = comment.Body,
            status,
            reasons = comment.Reasons.IsDefault ? [] : comment.Reasons,
            moderatorId,
            reason,
        });

    /// <summary>A ban's event, with an id chosen beforehand: its grain records it again after a crash, under the same id.</summary>
    public static string Banned(string eventId, string readerId, string? moderatorId, string? reason, DateTimeOffset at) =>
        Serialize(eventId, ReaderBanned, at, new { readerId, moderatorId, reason });

    /// <summary>A poll's close, with an id chosen beforehand, as <see cref="Banned"/>.</summary>
    public static string Closed(string eventId, string pollId, string articleId, DateTimeOffset at) =>
        Serialize(eventId, PollClosed, at, new { pollId, articleId });

    /// <summary>The event's id: unique, so that two events never share an outbox entry or a delivery id.</summary>
    public static string NewId() => "evt-" + Guid.NewGuid().ToString("N");

    private static string Serialize(string id, string type, DateTimeOffset at, object data) =>
        JsonSerializer.Serialize(new { id, type, occurredAt = at, data }, Json);
}

/// <summary>What the dispatcher reads back from an event's JSON.</summary>
public sealed record WebhookEventHead(string Id, string Type, DateTimeOffset OccurredAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static WebhookEventHead Parse(string json) =>
        JsonSerializer.Deserialize<WebhookEventHead>(json, Json) ?? throw new InvalidOperationException("An empty webhook event.");
}
