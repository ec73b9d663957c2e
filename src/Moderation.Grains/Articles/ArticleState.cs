using Moderation.Contracts.Articles;

namespace Moderation.Grains.Articles;

[GenerateSerializer, Alias("moderation.article-state.v1")]
public sealed class ArticleState
{
    [Id(0)] public bool CommentsOpen { get; set; } = true;
    [Id(1)] public bool Premoderation { get; set; }
    [Id(2)] public double? HoldThreshold { get; set; }
    [Id(4)] public List<string> PollIds { get; set; } = [];
    [Id(5)] public ArticleTrust? Trust { get; set; }
}
