using Moderation.Http.Exports;

namespace Moderation.Http.Imports;

/// <summary>A batch of comments from another system, in the order the client read them.</summary>
/// <param name="Source">disqus, wordpress, or export (this service's own export: its ids and reader ids are kept).</param>
/// <param name="Html">Whether bodies are HTML, to be reduced to the text the widgets show.</param>
/// <param name="Comments">At most 1,000 comments.</param>
/// <param name="AsLabels">
/// Whether the comments also become labels for the filter's retraining (moderators only): rejected ones toxic,
/// published ones clean, each marked with its source.
/// </param>
/// <param name="Rescore">
/// Whether the comments the source published pass the filter as a new comment would: a banned word rejects one, a
/// suspect word or a score at or above the article's hold threshold holds it for a moderator, with its reasons.
/// </param>
public sealed record ImportBatchRequest(
    string? Source, bool Html, IReadOnlyList<ImportCommentRequest>? Comments, bool AsLabels = false, bool Rescore = false);

/// <summary>One comment as the source system had it.</summary>
/// <param name="SourceId">Its id in the source: stable, so that a second import finds it stored.</param>
/// <param name="ArticleId">The article it belongs to, in this site's ids.</param>
/// <param name="ParentSourceId">The source id of the comment it answers, or null.</param>
/// <param name="AuthorKey">
/// What identifies the author in the source (an email, a user name): the service keeps only a keyed hash of it as the
/// reader id. For source export it is the reader id itself.
/// </param>
/// <param name="AuthorName">The display name, or null.</param>
/// <param name="Body">The text or HTML.</param>
/// <param name="CreatedAt">When it was posted.</param>
/// <param name="Status">published, pending, rejected or deleted.</param>
/// <param name="RejectionReason">Why it was rejected (spam), or null.</param>
/// <param name="Extras">For source export only: what readers, moderators and the filter added to it; null: none.</param>
public sealed record ImportCommentRequest(
    string? SourceId,
    string? ArticleId,
    string? ParentSourceId,
    string? AuthorKey,
    string? AuthorName,
    string? Body,
    DateTimeOffset? CreatedAt,
    string? Status,
    string? RejectionReason = null,
    ImportCommentExtras? Extras = null);

/// <summary>A comment's extras from this service's export, as its comment line has them.</summary>
/// <param name="Reactors">The reader ids who reacted to it (at most 100,000); their number is its reaction count.</param>
/// <param name="Featured">Whether it is featured (kept only for a published comment).</param>
/// <param name="Reports">The readers' reports on it, one per reader (at most 100,000).</param>
/// <param name="ReportsAtReview">The report count when a moderator last approved it.</param>
/// <param name="Reported">Whether it is in the reported queue (kept only for a published comment).</param>
/// <param name="Score">The filter's score, 0 to 1, or null when it was not scored.</param>
/// <param name="ModelVersion">The model that scored it.</param>
/// <param name="Reasons">Why it was held or queued.</param>
/// <param name="Explanation">The terms that drove its score.</param>
/// <param name="EditedAt">When its author last edited it, or null.</param>
/// <param name="Versions">Its earlier texts, oldest first (at most 1,000).</param>
public sealed record ImportCommentExtras(
    IReadOnlyList<string?>? Reactors = null,
    bool Featured = false,
    IReadOnlyList<ExportReport?>? Reports = null,
    long ReportsAtReview = 0,
    bool Reported = false,
    double? Score = null,
    string? ModelVersion = null,
    IReadOnlyList<string?>? Reasons = null,
    IReadOnlyList<ExportScoreTerm?>? Explanation = null,
    DateTimeOffset? EditedAt = null,
    IReadOnlyList<ExportVersion?>? Versions = null);

/// <summary>What became of each comment of a batch, in the batch's order.</summary>
/// <param name="Results">Each comment's outcome.</param>
/// <param name="LabelsAdded">How many comments became new labels (asLabels); a text labelled before is not counted.</param>
public sealed record ImportBatchResponse(IReadOnlyList<ImportCommentResult> Results, int LabelsAdded);

/// <summary>What became of one comment.</summary>
/// <param name="SourceId">Its id in the source.</param>
/// <param name="Outcome">stored, exists (stored before; nothing changed) or waiting-for-parent (nothing changed; send it again once its parent is stored).</param>
/// <param name="CommentId">Its id here.</param>
public sealed record ImportCommentResult(string SourceId, string Outcome, string CommentId);

/// <summary>Audit records from this service's export, in the export's order, restored as they were.</summary>
/// <param name="Records">1 to 1,000 records.</param>
public sealed record ImportAuditRequest(IReadOnlyList<ImportAuditRecord?>? Records);

/// <summary>One audit record as the export has it (the audit API's item).</summary>
/// <param name="At">When it was decided.</param>
/// <param name="ModeratorId">Who decided, or null for the system.</param>
/// <param name="CommentId">The comment, or null for a record about a reader or the model.</param>
/// <param name="ReaderId">The reader a ban, unban or erasure is about, or null.</param>
/// <param name="Action">What was done (approve, reject, import, ...).</param>
/// <param name="Reason">Why, or null.</param>
/// <param name="Note">Free text, or null.</param>
/// <param name="FromStatus">The status before, or null.</param>
/// <param name="ToStatus">The status after, or null.</param>
/// <param name="Score">The comment's toxicity score, or null.</param>
public sealed record ImportAuditRecord(
    DateTimeOffset? At,
    string? ModeratorId,
    string? CommentId,
    string? ReaderId,
    string? Action,
    string? Reason,
    string? Note,
    string? FromStatus,
    string? ToStatus,
    double? Score);

/// <summary>What restoring audit records did.</summary>
/// <param name="Stored">Records restored now.</param>
/// <param name="Existed">Records restored before, or already held by their comment (the same record): nothing changed.</param>
public sealed record ImportAuditResponse(int Stored, int Existed);
