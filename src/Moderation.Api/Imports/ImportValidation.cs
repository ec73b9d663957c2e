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
            if (Problem(request.Comments[index]) is { } problem)
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
}
