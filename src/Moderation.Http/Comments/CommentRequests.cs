namespace Moderation.Http.Comments;

/// <summary>A new comment: its text and, for a reply, the comment it answers.</summary>
/// <param name="Body">The text.</param>
/// <param name="ParentId">The comment replied to, or null.</param>
public sealed record PostCommentRequest(string? Body, string? ParentId);

/// <summary>A reader's report on a comment.</summary>
/// <param name="Reason">offensive, abusive, spam or other.</param>
/// <param name="Note">The reader's words, may be empty.</param>
public sealed record ReportRequest(string? Reason, string? Note);
