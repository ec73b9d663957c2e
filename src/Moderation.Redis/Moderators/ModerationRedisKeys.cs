using Moderation.Redis.Comments;

namespace Moderation.Redis.Moderators;

/// <summary>
/// Where the moderation queues, the audit trail and the retraining examples live in Redis: each part
/// (<see cref="CommentParts"/>) keeps its share beside the comments whose scripts change them.
/// </summary>
public static class ModerationRedisKeys
{
    /// <summary>Sorted set of one queue, a part's share of the site-wide one or (with <paramref name="articleId"/>) an article's, in one order: "age" or "score".</summary>
    public static string Queue(int part, string state, string order, string? articleId = null) => articleId is null
        ? $"{CommentParts.Prefix(part)}queue:{state}:{order}"
        : $"{CommentRedisKeys.Article(part, articleId)}queue:{state}:{order}";

    /// <summary>Counter behind a part's audit record numbers: they only grow.</summary>
    public static string AuditSequence(int part) => CommentParts.Prefix(part) + "audit:seq";

    /// <summary>Hash of a part's audit record number to the record's JSON.</summary>
    public static string AuditRecords(int part) => CommentParts.Prefix(part) + "audit:records";

    /// <summary>Sorted set of every audit record number of a part.</summary>
    public static string AuditAll(int part) => CommentParts.Prefix(part) + "audit:all";

    /// <summary>Sorted set of the audit record numbers about one comment, in the comment's part.</summary>
    public static string AuditByComment(string commentId) =>
        $"{CommentParts.Prefix(CommentParts.OfComment(commentId))}audit:comment:{commentId}";

    /// <summary>Sorted set of the audit record numbers of one moderator's decisions in a part.</summary>
    public static string AuditByModerator(int part, string moderatorId) => $"{CommentParts.Prefix(part)}audit:moderator:{moderatorId}";

    /// <summary>Hash of a part's audit record number to a labelled example (JSON) for retraining the toxicity model.</summary>
    public static string FeedbackRecords(int part) => CommentParts.Prefix(part) + "feedback:records";

    /// <summary>Sorted set of a part's audit record numbers that have a labelled example, oldest first.</summary>
    public static string Feedback(int part) => CommentParts.Prefix(part) + "feedback";

    /// <summary>Hash of a feedback position to the per-part audit numbers it stands for (<see cref="FeedbackRecords"/>).</summary>
    public const string FeedbackCursors = "moderation:feedback:cursors";

    /// <summary>Counter behind feedback positions; starts above every audit number of the layout before the parts.</summary>
    public const string FeedbackCursorSequence = "moderation:feedback:cursor-seq";
}
