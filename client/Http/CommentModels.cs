namespace Moderation.Client.Http;

/// <summary>A comment as the service answers it (the contract's shape plus where it is shown and its reply count).</summary>
public sealed record CommentResponse(
    string Id,
    string ArticleId,
    string? ParentId,
    string? ThreadParentId,
    int Depth,
    string AuthorId,
    string? AuthorName,
    string Body,
    DateTimeOffset CreatedAt,
    string Status,
    long Revision,
    long ReplyCount,
    bool Deleted);

public sealed record CommentPageResponse(IReadOnlyList<CommentResponse> Items, string? NextCursor);

public sealed record PostCommentRequest(string Body, string? ParentId);

public sealed record ReportCommentRequest(string Reason, string Note);

public sealed record ToxicityCheckRequest(string Body);

public sealed record ToxicityCheckResponse(double Score, bool WouldHold);

/// <summary>Null leaves a setting as it is.</summary>
public sealed record ArticleSettingsRequest(bool? CommentsOpen, bool? Premoderation, double? HoldThreshold);

public sealed record QueueResponse(IReadOnlyList<QueueItemResponse> Items, string? NextCursor, QueueCountsResponse Counts);

public sealed record QueueItemResponse(
    CommentResponse Comment,
    double? Score,
    string? ModelVersion,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<ReportResponse> Reports,
    IReadOnlyList<ExplanationTermResponse> Explanation);

public sealed record QueueCountsResponse(long Pending, long Reported);

public sealed record ReportResponse(string ReaderId, string Reason, string Note, DateTimeOffset At);

/// <summary>A word or phrase that drove a toxicity score, and how far (positive: towards toxic).</summary>
public sealed record ExplanationTermResponse(string Text, double Weight);

public sealed record DecisionRequest(string Action, string? Reason, string Note, long Revision);

public sealed record BanRequest(string Reason, bool RejectPending);

public sealed record BanResponse(string ReaderId, bool Banned, string? Reason, int RejectedComments);

public sealed record AuditResponse(IReadOnlyList<AuditEntryResponse> Items, string? NextCursor);

public sealed record AuditEntryResponse(
    DateTimeOffset At,
    string? ModeratorId,
    string? CommentId,
    string? ReaderId,
    string Action,
    string? Reason,
    string? Note,
    string? FromStatus,
    string? ToStatus,
    double? Score);

public sealed record ModelInfoResponse(
    string Version,
    DateTimeOffset TrainedAt,
    int TrainingRows,
    IReadOnlyDictionary<string, double> Metrics,
    double HoldThreshold,
    IReadOnlyList<DataSourceResponse>? DataSources);

public sealed record DataSourceResponse(string Name, int Rows, string Licence, string Origin);

public sealed record ScoreRequest(string Text);

public sealed record ScoreResponse(double Score, IReadOnlyList<ExplanationTermResponse> Explanation, string? ModelVersion);

/// <summary>The contract's fixed words: comment statuses, queues, sorts and reasons.</summary>
public static class ModerationWords
{
    public const string Published = "published";
    public const string Pending = "pending";

    public static readonly string[] Queues = ["pending", "reported", "rejected", "approved"];
    public static readonly string[] QueueSorts = ["score", "oldest", "newest"];
    public static readonly string[] ThreadSorts = ["newest", "oldest"];
    public static readonly string[] ReportReasons = ["offensive", "abusive", "spam", "other"];
    public static readonly string[] RejectReasons = ["offensive", "abusive", "spam", "off-topic", "other"];
}
