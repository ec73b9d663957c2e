namespace Moderation.Contracts.Comments;

/// <summary>Field names of a comment's Redis hash.</summary>
public static class CommentFields
{
    /// <summary>The comment id.</summary>
    public const string Id = "id";
    /// <summary>The article id.</summary>
    public const string ArticleId = "articleId";
    /// <summary>The comment replied to; empty for a top-level comment.</summary>
    public const string ParentId = "parentId";
    /// <summary>The comment it is shown under: the parent, or for deeper replies the depth-3 ancestor; empty at top level.</summary>
    public const string ThreadParentId = "threadParentId";
    /// <summary>1 at top level, at most 4.</summary>
    public const string Depth = "depth";
    /// <summary>The author's reader id.</summary>
    public const string AuthorId = "authorId";
    /// <summary>The author's display name.</summary>
    public const string AuthorName = "authorName";
    /// <summary>The text; empty once deleted.</summary>
    public const string Body = "body";
    /// <summary>Creation time, Unix milliseconds.</summary>
    public const string CreatedAt = "createdAt";
    /// <summary>Site-wide creation order.</summary>
    public const string Sequence = "seq";
    /// <summary>published, pending, rejected or deleted.</summary>
    public const string Status = "status";
    /// <summary>Grows with every change of status or text.</summary>
    public const string Revision = "revision";
    /// <summary>Published replies shown under it.</summary>
    public const string ReplyCount = "replyCount";
    /// <summary>Toxicity score, empty when not scored.</summary>
    public const string Score = "score";
    /// <summary>The model version that scored it.</summary>
    public const string ModelVersion = "modelVersion";
    /// <summary>Why it was held or queued, comma-separated.</summary>
    public const string Reasons = "reasons";
    /// <summary>The explanation terms as JSON.</summary>
    public const string Explanation = "explanation";
    /// <summary>Reports by distinct readers.</summary>
    public const string ReportCount = "reports";
    /// <summary>The report count when a moderator last approved it: only reports after that re-queue it.</summary>
    public const string ReportsAtReview = "reportsAtReview";
    /// <summary>1 while it is in the reported queue.</summary>
    public const string InReportedQueue = "reported";
    /// <summary>How many readers reacted to it: the size of its reactors set, written by the reaction script.</summary>
    public const string Reactions = "reactions";
    /// <summary>The moderator's reason for the latest rejection.</summary>
    public const string RejectionReason = "rejectionReason";
    /// <summary>1 while an editor or moderator features it.</summary>
    public const string Featured = "featured";
    /// <summary>When its author last edited it, Unix milliseconds; absent when never edited.</summary>
    public const string EditedAt = "editedAt";
}
