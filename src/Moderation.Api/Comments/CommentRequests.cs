namespace Moderation.Api.Comments;

public sealed record PostCommentRequest(string? Body, string? ParentId);

public sealed record ReportRequest(string? Reason, string? Note);
