namespace Moderation.Http.Moderators;

/// <summary>One event of the live moderation stream (<c>GET /api/moderation/events</c>); fields that do not apply are null.</summary>
/// <param name="Type">comment.held, comment.reported, comment.decided or reader.banned (also the SSE event name).</param>
/// <param name="At">When the change was made.</param>
/// <param name="CommentId">The comment, for comment events.</param>
/// <param name="ArticleId">The comment's article, when known.</param>
/// <param name="Status">The comment's status after the change, when known.</param>
/// <param name="Revision">The comment's revision after the change, when known.</param>
/// <param name="By">Who made the change: the moderator of a decision or ban; null for a reader's post or report.</param>
/// <param name="Action">approve or reject, for a decision.</param>
/// <param name="Reason">The decision's, report's or ban's reason.</param>
/// <param name="Reasons">Why a held comment waits (toxicity, premoderation, suspect-word, ...).</param>
/// <param name="ReaderId">The banned reader, or a held comment's author.</param>
/// <param name="RejectedComments">Held comments a ban rejected.</param>
public sealed record ModerationStreamEvent(
    string Type,
    DateTimeOffset At,
    string? CommentId = null,
    string? ArticleId = null,
    string? Status = null,
    long? Revision = null,
    string? By = null,
    string? Action = null,
    string? Reason = null,
    IReadOnlyList<string>? Reasons = null,
    string? ReaderId = null,
    int? RejectedComments = null)
{
    /// <summary>A comment was held for a moderator.</summary>
    public const string CommentHeld = "comment.held";

    /// <summary>A reader's report of a comment counted.</summary>
    public const string CommentReported = "comment.reported";

    /// <summary>A moderator approved or rejected a comment.</summary>
    public const string CommentDecided = "comment.decided";

    /// <summary>A moderator banned a reader.</summary>
    public const string ReaderBanned = "reader.banned";
}
