using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moderation.Http.Exports;

/// <summary>The kinds of line of an export, its <c>type</c> field.</summary>
public static class ExportLineTypes
{
    /// <summary>The first line.</summary>
    public const string Header = "export";
    /// <summary>An article's settings.</summary>
    public const string Article = "article";
    /// <summary>A comment.</summary>
    public const string Comment = "comment";
    /// <summary>A poll with its results.</summary>
    public const string Poll = "poll";
    /// <summary>One reader's vote in the poll just before it.</summary>
    public const string Ballot = "ballot";
    /// <summary>An audit record.</summary>
    public const string Audit = "audit";
    /// <summary>The last line.</summary>
    public const string End = "end";
}

/// <summary>The first line: what the export holds.</summary>
/// <param name="Type">export.</param>
/// <param name="Version">The format's version, 1.</param>
/// <param name="ExportedAt">When the export started.</param>
/// <param name="ArticleId">The one article exported, or null for the whole site.</param>
public sealed record ExportHeaderLine(string Type, int Version, DateTimeOffset ExportedAt, string? ArticleId);

/// <summary>An article's settings and published count.</summary>
public sealed record ExportArticleLine(
    string Type, string Id, bool CommentsOpen, bool Premoderation, double? HoldThreshold, ExportTrust? Trust, int CommentCount);

/// <summary>An article's own trust rule counts (null: the site's).</summary>
public sealed record ExportTrust(int? NewReaderComments, int? LinkApprovedComments, int? RecentRejections);

/// <summary>
/// A comment, whatever its status, in the order it was stored; a reply comes after its parent. The fields after
/// <c>rejectionReason</c> came with a later version and default to none, so older files still import: its reactors
/// (reader ids, in id order; their number is its reaction count), whether it is featured, its reports (one per reader,
/// in reader id order), the report count a moderator last reviewed, whether it is in the reported queue, and the
/// filter's score, model version, reasons and explanation (null score: not scored), when its author last edited it and
/// its earlier texts, oldest first.
/// </summary>
public sealed record ExportCommentLine(
    string Type,
    string Id,
    string ArticleId,
    string? ParentId,
    string AuthorId,
    string? AuthorName,
    string Body,
    DateTimeOffset CreatedAt,
    string Status,
    string? RejectionReason,
    IReadOnlyList<string>? Reactors = null,
    bool Featured = false,
    IReadOnlyList<ExportReport>? Reports = null,
    long ReportsAtReview = 0,
    bool Reported = false,
    double? Score = null,
    string? ModelVersion = null,
    IReadOnlyList<string>? Reasons = null,
    IReadOnlyList<ExportScoreTerm>? Explanation = null,
    DateTimeOffset? EditedAt = null,
    IReadOnlyList<ExportVersion>? Versions = null);

/// <summary>An earlier text of an edited comment: the text, when it was written, and when an edit replaced it.</summary>
public sealed record ExportVersion(string Body, DateTimeOffset WrittenAt, DateTimeOffset ReplacedAt);

/// <summary>One reader's report on a comment: who, why (offensive, abusive, spam or other), their note, and when.</summary>
public sealed record ExportReport(string ReaderId, string Reason, string Note, DateTimeOffset At);

/// <summary>A term of a score's explanation and its weight.</summary>
public sealed record ExportScoreTerm(string Text, double Weight);

/// <summary>
/// A poll as it was defined, whether closed, and its results (the <c>results</c> shape of the polls API); its ballots
/// follow it. <c>kind</c> and <c>resultsVisibility</c> are spelt as the polls API spells them.
/// </summary>
public sealed record ExportPollLine(
    string Type,
    string Id,
    string ArticleId,
    string Question,
    IReadOnlyList<ExportPollOption> Options,
    DateTimeOffset? ClosesAt,
    bool AllowAnonymous,
    bool AllowVoteChange,
    DateTimeOffset CreatedAt,
    bool Closed,
    JsonElement? Results,
    string Kind = "single",
    int MaxChoices = 1,
    ExportPollScale? Scale = null,
    string ResultsVisibility = "always",
    DateTimeOffset? OpensAt = null);

/// <summary>A scale poll's range and the labels of its ends.</summary>
public sealed record ExportPollScale(int Min, int Max, string MinLabel, string MaxLabel);

/// <summary>
/// One reader's vote, as stored: the reader id (already a pseudonymous id), the stored choice (an option id, option ids
/// joined by commas, or a scale value), and whether the reader was signed in.
/// </summary>
public sealed record ExportBallotLine(string Type, string PollId, string ReaderId, string Choice, bool SignedIn);

/// <summary>One poll option.</summary>
public sealed record ExportPollOption(string Id, string Text);

/// <summary>A record of the moderation audit trail (the <c>items</c> shape of the audit API).</summary>
public sealed record ExportAuditLine(
    string Type,
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

/// <summary>The last line: its presence says the export is whole, and how many lines of each kind came before it.</summary>
public sealed record ExportEndLine(string Type, long Articles, long Comments, long Polls, long AuditRecords, long Ballots = 0);

/// <summary>How export lines are written: camelCase, nulls kept, one JSON object per line.</summary>
public static class ExportJson
{
    /// <summary>The serializer options of every line.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
}
