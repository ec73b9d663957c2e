namespace Moderation.Contracts.Articles;

/// <summary>What a recount of an article's comments found and corrected.</summary>
/// <param name="ArticleId">The article recounted.</param>
/// <param name="CommentsScanned">Every comment posted to the article, whatever its status.</param>
/// <param name="PublishedBefore">The published count as it was kept.</param>
/// <param name="Published">The published count the comments themselves give, now kept.</param>
/// <param name="ReplyCountsCorrected">Comments whose reply count was wrong and is now right.</param>
[GenerateSerializer, Immutable, Alias("moderation.comment-recount-report")]
public sealed record CommentRecountReport(
    [property: Id(0)] string ArticleId,
    [property: Id(1)] int CommentsScanned,
    [property: Id(2)] long PublishedBefore,
    [property: Id(3)] long Published,
    [property: Id(4)] int ReplyCountsCorrected);
