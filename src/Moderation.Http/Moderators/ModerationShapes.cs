using Moderation.Http.Comments;

namespace Moderation.Http.Moderators;

/// <summary>A moderator's decision on a comment.</summary>
/// <param name="Action">approve or reject.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="Note">The moderator's words, may be empty.</param>
/// <param name="Revision">The revision the moderator saw.</param>
public sealed record DecisionRequest(string? Action, string? Reason, string? Note, long? Revision);

/// <summary>A ban of a reader.</summary>
/// <param name="Reason">Why.</param>
/// <param name="RejectPending">Whether the reader's held comments are rejected too.</param>
public sealed record BanRequest(string? Reason, bool? RejectPending);

/// <summary>A reader's standing after a ban or unban.</summary>
/// <param name="ReaderId">The reader.</param>
/// <param name="Banned">Whether the reader is banned.</param>
/// <param name="Reason">Why, when banned.</param>
/// <param name="RejectedComments">Held comments the ban rejected.</param>
public sealed record BanResponse(string ReaderId, bool Banned, string? Reason, int RejectedComments);

/// <summary>One comment in a queue with what a moderator needs to decide.</summary>
/// <param name="Comment">The comment.</param>
/// <param name="Score">Its toxicity score.</param>
/// <param name="ModelVersion">The model that scored it.</param>
/// <param name="Reasons">Why it is queued.</param>
/// <param name="Reports">Readers' reports on it, oldest first.</param>
/// <param name="Explanation">What drove the score.</param>
/// <param name="AuthorHistory">Where the author's history is: <c>/api/moderation/readers/{authorId}</c>.</param>
public sealed record QueueItemResponse(
    PublicComment Comment,
    double? Score,
    string? ModelVersion,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<ReportResponse> Reports,
    IReadOnlyList<ExplanationTermResponse> Explanation,
    string? AuthorHistory = null);

/// <summary>The sizes of the queues that need work.</summary>
/// <param name="Pending">Held comments.</param>
/// <param name="Reported">Reported comments.</param>
public sealed record QueueCounts(long Pending, long Reported);

/// <summary>One page of a queue.</summary>
/// <param name="Items">The comments.</param>
/// <param name="NextCursor">Where the next page starts (send it back unchanged as <c>cursor</c>; its form is the service's own), or null at the end.</param>
/// <param name="Counts">The queue sizes.</param>
public sealed record QueueResponse(IReadOnlyList<QueueItemResponse> Items, string? NextCursor, QueueCounts Counts);

/// <summary>A reader's report on a comment.</summary>
/// <param name="ReaderId">Who reported it.</param>
/// <param name="Reason">offensive, abusive, spam or other.</param>
/// <param name="Note">The reader's words.</param>
/// <param name="At">When.</param>
public sealed record ReportResponse(string ReaderId, string Reason, string Note, DateTimeOffset At);

/// <summary>A word or phrase that drove a toxicity score, and how far (positive: towards toxic).</summary>
/// <param name="Text">The word or phrase.</param>
/// <param name="Weight">Its contribution.</param>
public sealed record ExplanationTermResponse(string Text, double Weight);

/// <summary>One page of the audit trail, newest first.</summary>
/// <param name="Items">The records.</param>
/// <param name="NextCursor">Where the next page starts (send it back unchanged as <c>cursor</c>; its form is the service's own), or null at the end.</param>
public sealed record AuditResponse(IReadOnlyList<AuditEntryResponse> Items, string? NextCursor);

/// <summary>One audit record.</summary>
/// <param name="At">When.</param>
/// <param name="ModeratorId">Who decided, or null for the system.</param>
/// <param name="CommentId">The comment, if any.</param>
/// <param name="ReaderId">The reader, if any.</param>
/// <param name="Action">hold, approve, reject, delete, ban or unban.</param>
/// <param name="Reason">Why.</param>
/// <param name="Note">The moderator's words.</param>
/// <param name="FromStatus">The comment's status before.</param>
/// <param name="ToStatus">The comment's status after.</param>
/// <param name="Score">The comment's toxicity score.</param>
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
