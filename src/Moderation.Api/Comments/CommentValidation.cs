using Moderation.Http.Comments;
namespace Moderation.Api.Comments;

/// <summary>The contract's input rules for comments, reports and page queries.</summary>
public static class CommentValidation
{
    public const int MaxBodyLength = 5000;
    public const int MaxNoteLength = 2000;

    /// <summary>What the OpenAPI document says of every <c>cursor</c> parameter.</summary>
    public const string CursorDescription =
        "Where the page starts: the nextCursor of the page before, sent back unchanged (its form is the service's own). None: the first page.";

    public static readonly IReadOnlySet<string> ReportReasons = new HashSet<string>(StringComparer.Ordinal) { "offensive", "abusive", "spam", "other" };

    /// <summary>Body 1 to 5,000 characters after trimming, no control characters but newline and tab; a well-formed parent id.</summary>
    public static Dictionary<string, string[]> ValidatePost(PostCommentRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var body = request.Body?.Trim();
        if (string.IsNullOrEmpty(body) || body.Length > MaxBodyLength)
        {
            errors["body"] = [$"The body is required and at most {MaxBodyLength} characters after trimming."];
        }
        else if (body.Any(c => char.IsControl(c) && c is not '\n' and not '\t'))
        {
            errors["body"] = ["The body must not contain control characters other than newline and tab."];
        }

        if (request.ParentId is not null && !CommentIds.IsWellFormed(request.ParentId))
        {
            errors["parentId"] = [$"There is no comment '{request.ParentId}' to reply to."];
        }

        return errors;
    }

    public static Dictionary<string, string[]> ValidateReport(ReportRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Reason is null || !ReportReasons.Contains(request.Reason))
        {
            errors["reason"] = ["The reason is one of offensive, abusive, spam, other."];
        }

        if (request.Note is { Length: > MaxNoteLength })
        {
            errors["note"] = [$"The note is at most {MaxNoteLength} characters."];
        }

        return errors;
    }

    /// <param name="merged">True for a site-wide page merged from every part, whose cursor names a position per part.</param>
    public static Dictionary<string, string[]> ValidatePage(
        int? limit, string? cursor, string? sort = null, IReadOnlySet<string>? sorts = null, bool merged = false)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > 100)
        {
            errors["limit"] = ["limit is 1 to 100."];
        }

        if (!(merged ? CommentIds.IsMergedCursor(cursor) : CommentIds.IsCursor(cursor)))
        {
            errors["cursor"] = ["The cursor is not one this service handed out."];
        }

        if (sort is not null && sorts is not null && !sorts.Contains(sort))
        {
            errors["sort"] = [$"sort is one of {string.Join(", ", sorts)}."];
        }

        return errors;
    }
}
