namespace Moderation.Contracts.Comments;

/// <summary>An earlier text of an edited comment, as moderators see it.</summary>
/// <param name="Body">The text as it then stood.</param>
/// <param name="WrittenAt">When that text was posted or edited in.</param>
/// <param name="ReplacedAt">When an edit replaced it.</param>
[GenerateSerializer, Immutable, Alias("moderation.comment-version")]
public sealed record CommentVersion([property: Id(0)] string Body, [property: Id(1)] DateTimeOffset WrittenAt, [property: Id(2)] DateTimeOffset ReplacedAt);
