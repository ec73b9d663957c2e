namespace Moderation.Contracts.Comments;

/// <summary>The states of a comment, as the API writes them.</summary>
public static class CommentStatus
{
    /// <summary>Visible in the thread.</summary>
    public const string Published = "published";
    /// <summary>Held for a moderator.</summary>
    public const string Pending = "pending";
    /// <summary>Refused by a moderator.</summary>
    public const string Rejected = "rejected";
    /// <summary>Removed by its author or a moderator; its place in the thread stays.</summary>
    public const string Deleted = "deleted";
}
