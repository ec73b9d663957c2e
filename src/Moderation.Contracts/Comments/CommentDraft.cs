using System.Collections.Immutable;

namespace Moderation.Contracts.Comments;

/// <summary>A comment that passed the gate, with the gate's verdict, ready to be stored.</summary>
/// <param name="Id">Server-made comment id.</param>
/// <param name="ArticleId">The article.</param>
/// <param name="ParentId">The comment replied to, or null.</param>
/// <param name="AuthorId">The reader's id.</param>
/// <param name="AuthorName">The reader's display name, or null.</param>
/// <param name="Body">The trimmed text.</param>
/// <param name="CreatedAt">When it was posted.</param>
/// <param name="Status">published or pending.</param>
/// <param name="Reasons">Why it is held (toxicity, premoderation); empty when published.</param>
/// <param name="Score">The toxicity score.</param>
/// <param name="ModelVersion">The model that gave it.</param>
/// <param name="HoldThreshold">The threshold the score was held against.</param>
/// <param name="Explanation">What drove the score.</param>
[GenerateSerializer, Immutable, Alias("moderation.comment-draft")]
public sealed record CommentDraft(
    [property: Id(0)] string Id,
    [property: Id(1)] string ArticleId,
    [property: Id(2)] string? ParentId,
    [property: Id(3)] string AuthorId,
    [property: Id(4)] string? AuthorName,
    [property: Id(5)] string Body,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] string Status,
    [property: Id(8)] ImmutableArray<string> Reasons,
    [property: Id(9)] double Score,
    [property: Id(10)] string ModelVersion,
    [property: Id(11)] double HoldThreshold,
    [property: Id(12)] ImmutableArray<ScoreTerm> Explanation);
