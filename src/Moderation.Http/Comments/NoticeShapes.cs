namespace Moderation.Http.Comments;

/// <summary>A notice on a reader's event stream (<c>GET /api/readers/me/events</c>); its type is also the event's name.</summary>
/// <param name="Type">reply, approved, rejected or featured.</param>
/// <param name="At">When the change happened.</param>
/// <param name="CommentId">The comment concerned: the reply, or the reader's own comment.</param>
/// <param name="ArticleId">Its article.</param>
/// <param name="ParentId">For a reply, the reader's comment it answers.</param>
/// <param name="AuthorName">For a reply, its author's display name.</param>
/// <param name="Reason">For a rejection, the moderator's reason.</param>
public sealed record ReaderNoticeEvent(
    string Type, DateTimeOffset At, string CommentId, string ArticleId, string? ParentId = null, string? AuthorName = null, string? Reason = null)
{
    /// <summary>Someone replied to the reader's comment, and the reply is published.</summary>
    public const string Reply = "reply";

    /// <summary>A moderator approved the reader's comment.</summary>
    public const string Approved = "approved";

    /// <summary>A moderator rejected the reader's comment.</summary>
    public const string Rejected = "rejected";

    /// <summary>An editor or moderator featured the reader's comment.</summary>
    public const string Featured = "featured";
}
