using System.Collections.Immutable;

namespace Moderation.Contracts.Comments;

/// <summary>One page of a thread or of a comment's replies.</summary>
/// <param name="Items">The comments, in the requested order.</param>
/// <param name="NextCursor">Where the next page starts, or null at the end.</param>
[GenerateSerializer, Immutable, Alias("moderation.comment-page")]
public sealed record CommentPage([property: Id(0)] ImmutableArray<CommentView> Items, [property: Id(1)] string? NextCursor);
