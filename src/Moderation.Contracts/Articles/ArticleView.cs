using System.Collections.Immutable;

namespace Moderation.Contracts.Articles;

/// <summary>An article's settings and counts.</summary>
/// <param name="Id">The news site's own article id.</param>
/// <param name="CommentsOpen">Whether readers may post comments.</param>
/// <param name="Premoderation">Whether every comment waits for a moderator.</param>
/// <param name="HoldThreshold">Toxicity score at or above which a comment is held; null uses the model's default.</param>
/// <param name="CommentCount">Published comments.</param>
/// <param name="PollIds">Polls attached to the article, oldest first.</param>
/// <param name="Trust">The article's own trust rule counts, or null for the site's.</param>
[GenerateSerializer, Immutable, Alias("moderation.article-view")]
public sealed record ArticleView(
    [property: Id(0)] string Id,
    [property: Id(1)] bool CommentsOpen,
    [property: Id(2)] bool Premoderation,
    [property: Id(3)] double? HoldThreshold,
    [property: Id(4)] int CommentCount,
    [property: Id(5)] ImmutableArray<string> PollIds,
    [property: Id(6)] ArticleTrust? Trust = null);
