using Moderation.Contracts.Articles;
using Moderation.Contracts.Comments;
using Moderation.Http.Imports;

namespace Moderation.Api.Imports;

/// <summary>The contract's input rules for an import batch: a batch with any bad comment is refused whole.</summary>
public static class ImportValidation
{
    public const int MaxBatchSize = 1000;
    public const int MaxSourceIdLength = 200;
    public const int MaxAuthorKeyLength = 500;
    public const int MaxAuthorNameLength = 200;

    /// <summary>The longest text kept of an imported comment; longer ones are cut there (old systems allowed long essays).</summary>
    public const int MaxBodyLength = 20_000;

    /// <summary>The source that is this service's own export: its comment ids and reader ids are kept as they are.</summary>
    public const string ExportSource = "export";

    public static readonly IReadOnlySet<string> Sources = new HashSet<string>(StringComparer.Ordinal) { "disqus", "wordpress", ExportSource };

    public static readonly IReadOnlySet<string> Statuses = new HashSet<string>(StringComparer.Ordinal)
    {
        CommentStatus.Published, CommentStatus.Pending, CommentStatus.Rejected, CommentStatus.Deleted,
    };

    public static Dictionary<string, string[]> Validate(ImportBatchRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Source is null || !Sources.Contains(request.Source))
        {
            errors["source"] = ["The source is one of disqus, wordpress, export."];
        }

        if (request.Comments is not { Count: > 0 and <= MaxBatchSize })
        {
            errors["comments"] = [$"A batch has 1 to {MaxBatchSize} comments."];
            return errors;
        }

        for (var index = 0; index < request.Comments.Count; index++)
        {
            if ((Problem(request.Comments[index]) ?? ExtrasProblem(request.Source, request.Comments[index]!.Extras)) is { } problem)
            {
                errors[$"comments[{index}]"] = [problem];
            }
        }

        return errors;
    }

    private static string? Problem(ImportCommentRequest? comment) => comment switch
    {
        null => "A comment is required.",
        { SourceId: null or "" } or { SourceId.Length: > MaxSourceIdLength } => $"The sourceId is 1 to {MaxSourceIdLength} characters.",
        { ParentSourceId.Length: 0 or > MaxSourceIdLength } => $"The parentSourceId is null or 1 to {MaxSourceIdLength} characters.",
        _ when comment.ParentSourceId == comment.SourceId => "A comment cannot answer itself.",
        _ when !ArticleIds.IsValid(comment.ArticleId) => "The articleId is 1 to 128 of A-Za-z0-9._-.",
        { AuthorKey: null } or { AuthorKey.Length: > MaxAuthorKeyLength } => $"The authorKey is 1 to {MaxAuthorKeyLength} characters.",
        _ when string.IsNullOrWhiteSpace(comment.AuthorKey) => $"The authorKey is 1 to {MaxAuthorKeyLength} characters.",
        { AuthorName.Length: > MaxAuthorNameLength } => $"The authorName is at most {MaxAuthorNameLength} characters.",
        { Body: null } => "The body is required (empty for a deleted comment).",
        { CreatedAt: null } => "The createdAt time is required.",
        _ when comment.Status is null || !Statuses.Contains(comment.Status) => "The status is one of published, pending, rejected, deleted.",
        { RejectionReason.Length: > 200 } => "The rejectionReason is at most 200 characters.",
        _ => null,
    };

    /// <summary>The most reactors or reports one comment's extras may bring.</summary>
    public const int MaxExtrasReaders = 100_000;

    private static string? ExtrasProblem(string? source, ImportCommentExtras? extras) => extras switch
    {
        null => null,
        _ when source != ExportSource => "Extras come only from this service's export (source export).",
        { Reactors.Count: > MaxExtrasReaders } or { Reports.Count: > MaxExtrasReaders } => $"Extras name at most {MaxExtrasReaders} reactors and {MaxExtrasReaders} reports.",
        _ when extras.Reactors is { } reactors && reactors.Any(reader => string.IsNullOrWhiteSpace(reader) || reader.Length > MaxAuthorKeyLength) =>
            $"Each reactor is a reader id of 1 to {MaxAuthorKeyLength} characters.",
        _ when extras.Reports is { } reports && reports.Any(report => report is null || string.IsNullOrWhiteSpace(report.ReaderId)
            || report.ReaderId.Length > MaxAuthorKeyLength || report.Reason is not { Length: > 0 and <= 200 } || report.Note is not { Length: <= 2000 }) =>
            "Each report has a readerId, a reason of 1 to 200 characters and a note (at most 2,000 characters).",
        { ReportsAtReview: < 0 } => "The reportsAtReview count is not negative.",
        { Score: < 0 or > 1 } or { Score: double.NaN } => "The score is between 0 and 1.",
        { ModelVersion.Length: > 200 } => "The modelVersion is at most 200 characters.",
        _ when extras.Reasons is { } reasons && (reasons.Count > 20 || reasons.Any(reason => reason is not { Length: > 0 and <= 100 } || reason.Contains(','))) =>
            "The reasons are at most 20, each 1 to 100 characters without commas.",
        _ when extras.Versions is { } versions && (versions.Count > 1000 || versions.Any(version => version is not { Body.Length: <= MaxBodyLength })) =>
            $"The versions are at most 1,000, each with a body of at most {MaxBodyLength} characters, writtenAt and replacedAt.",
        _ when extras.Explanation is { } terms && (terms.Count > 100 || terms.Any(term => term is null || term.Text is not { Length: <= 200 } || !double.IsFinite(term.Weight))) =>
            "The explanation has at most 100 terms, each a text of at most 200 characters and a finite weight.",
        _ => null,
    };
}
