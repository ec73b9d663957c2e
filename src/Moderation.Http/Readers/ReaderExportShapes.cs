namespace Moderation.Http.Readers;

/// <summary>Everything the service stores about one reader (<c>GET /api/readers/me/export</c>).</summary>
/// <param name="ReaderId">The reader.</param>
/// <param name="ExportedAt">When this export was read.</param>
/// <param name="Standing">Their ban standing.</param>
/// <param name="Counts">The counts the trust levels and gates read.</param>
/// <param name="Comments">Every comment they posted, any status, oldest first, with the decisions about it.</param>
/// <param name="Votes">Their votes.</param>
/// <param name="Reactions">The comments they reacted to.</param>
/// <param name="Reports">The reports they filed.</param>
/// <param name="RateLimits">Their open rate-limit windows.</param>
public sealed record ReaderExport(
    string ReaderId,
    DateTimeOffset ExportedAt,
    ExportedStanding Standing,
    ExportedCounts Counts,
    IReadOnlyList<ExportedComment> Comments,
    IReadOnlyList<ExportedVote> Votes,
    IReadOnlyList<string> Reactions,
    IReadOnlyList<ExportedReport> Reports,
    IReadOnlyList<ExportedCounter> RateLimits);

/// <summary>A reader's ban standing.</summary>
/// <param name="Banned">True while banned.</param>
/// <param name="Reason">Why, while banned.</param>
/// <param name="BannedAt">Since when, while banned.</param>
public sealed record ExportedStanding(bool Banned, string? Reason, DateTimeOffset? BannedAt);

/// <summary>A reader's counts, summed over the parts.</summary>
/// <param name="Posted">Comments stored (not counting those the gate rejected at once).</param>
/// <param name="Approved">Comments that went live, less those rejected after.</param>
/// <param name="Rejections">Rejections kept (their times feed the recent-rejections hold).</param>
/// <param name="Held">Comments waiting for a moderator.</param>
/// <param name="PostWaitSeconds">How long before they may post again, when they must wait.</param>
public sealed record ExportedCounts(long Posted, long Approved, long Rejections, long Held, double? PostWaitSeconds);

/// <summary>One of the reader's comments as stored.</summary>
/// <param name="Id">The comment.</param>
/// <param name="ArticleId">Its article.</param>
/// <param name="ParentId">The comment it replies to, or null.</param>
/// <param name="Status">published, pending, rejected or deleted.</param>
/// <param name="Revision">Its version: grows with every change of status or text.</param>
/// <param name="Body">Its text (empty once deleted).</param>
/// <param name="AuthorName">The display name it was posted under.</param>
/// <param name="CreatedAt">When it was posted.</param>
/// <param name="Score">The filter's toxicity score, or null.</param>
/// <param name="Reasons">Why it was held or queued.</param>
/// <param name="RejectionReason">The reason of its latest rejection, or null.</param>
/// <param name="Reactions">Readers who reacted to it.</param>
/// <param name="Reports">Readers who reported it.</param>
/// <param name="Featured">Whether it is featured.</param>
/// <param name="Decisions">The audit trail's records about it (moderators are not named).</param>
/// <param name="Labels">The labelled examples made of it for the filter's retraining.</param>
public sealed record ExportedComment(
    string Id,
    string ArticleId,
    string? ParentId,
    string Status,
    long Revision,
    string Body,
    string? AuthorName,
    DateTimeOffset CreatedAt,
    double? Score,
    IReadOnlyList<string> Reasons,
    string? RejectionReason,
    long Reactions,
    long Reports,
    bool Featured,
    IReadOnlyList<ExportedDecision> Decisions,
    IReadOnlyList<ExportedLabel> Labels);

/// <summary>One audit record about a comment.</summary>
/// <param name="At">When.</param>
/// <param name="Action">hold, approve, reject, delete, ...</param>
/// <param name="Reason">Why.</param>
/// <param name="FromStatus">The status before.</param>
/// <param name="ToStatus">The status after.</param>
/// <param name="ByModerator">Whether a moderator (not the filter or the author) made it.</param>
public sealed record ExportedDecision(DateTimeOffset At, string Action, string? Reason, string? FromStatus, string? ToStatus, bool ByModerator);

/// <summary>A labelled example made of a comment.</summary>
/// <param name="Toxic">The label: true when a moderator rejected it.</param>
/// <param name="DecidedAt">When.</param>
public sealed record ExportedLabel(bool Toxic, DateTimeOffset DecidedAt);

/// <summary>A vote.</summary>
/// <param name="PollId">The poll.</param>
/// <param name="OptionId">The option chosen.</param>
public sealed record ExportedVote(string PollId, string OptionId);

/// <summary>A report the reader filed.</summary>
/// <param name="CommentId">The comment reported.</param>
/// <param name="Reason">offensive, abusive, spam or other.</param>
/// <param name="Note">Their note.</param>
/// <param name="At">When.</param>
public sealed record ExportedReport(string CommentId, string Reason, string Note, DateTimeOffset At);

/// <summary>An open rate-limit window.</summary>
/// <param name="Kind">The kind of write counted (vote, comment, ...).</param>
/// <param name="Count">Writes counted in the window.</param>
public sealed record ExportedCounter(string Kind, long Count);

/// <summary>An erasure that had not finished when the request returned (202): ask again to follow it.</summary>
/// <param name="JobId">The durable job; it is resumed after a restart.</param>
/// <param name="Status">running.</param>
public sealed record ErasureAccepted(string JobId, string Status);
