using Moderation.Redis.Comments;

namespace Moderation.Redis.Moderators;

/// <summary>Where the moderation queues, the audit trail and the retraining examples live in Redis: in the comment slot (<see cref="CommentSlot"/>), beside the comments whose scripts change them.</summary>
public static class ModerationRedisKeys
{
    /// <summary>Sorted set of one queue, site-wide or (with <paramref name="articleId"/>) per article, in one order: "age" or "score".</summary>
    public static string Queue(string state, string order, string? articleId = null) => articleId is null
        ? $"{CommentSlot.Prefix}queue:{state}:{order}"
        : $"{CommentSlot.Prefix}article:{{{articleId}}}:queue:{state}:{order}";

    /// <summary>Counter behind audit record numbers: they only grow.</summary>
    public const string AuditSequence = CommentSlot.Prefix + "audit:seq";

    /// <summary>Hash of audit record number to the record's JSON.</summary>
    public const string AuditRecords = CommentSlot.Prefix + "audit:records";

    /// <summary>Sorted set of every audit record number.</summary>
    public const string AuditAll = CommentSlot.Prefix + "audit:all";

    /// <summary>Sorted set of the audit record numbers about one comment.</summary>
    public static string AuditByComment(string commentId) => $"{CommentSlot.Prefix}audit:comment:{commentId}";

    /// <summary>Sorted set of the audit record numbers of one moderator's decisions.</summary>
    public static string AuditByModerator(string moderatorId) => $"{CommentSlot.Prefix}audit:moderator:{moderatorId}";

    /// <summary>Hash of audit record number to a labelled example (JSON) for retraining the toxicity model.</summary>
    public const string FeedbackRecords = CommentSlot.Prefix + "feedback:records";

    /// <summary>Sorted set of the audit record numbers that have a labelled example, oldest first.</summary>
    public const string Feedback = CommentSlot.Prefix + "feedback";
}
