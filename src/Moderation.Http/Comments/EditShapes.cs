namespace Moderation.Http.Comments;

/// <summary>An author's new text for their comment.</summary>
/// <param name="Body">The new text: 1 to 5,000 characters after trimming, as for a post.</param>
public sealed record EditCommentRequest(string? Body);

/// <summary>An earlier text of an edited comment, shown to moderators.</summary>
/// <param name="Body">The text as it then stood.</param>
/// <param name="WrittenAt">When that text was posted or edited in.</param>
/// <param name="ReplacedAt">When an edit replaced it.</param>
public sealed record CommentVersionResponse(string Body, DateTimeOffset WrittenAt, DateTimeOffset ReplacedAt);
