namespace Moderation.Contracts.Articles;

/// <summary>A partial change of an article's settings: null leaves a setting as it is.</summary>
/// <param name="CommentsOpen">Open or close comments.</param>
/// <param name="Premoderation">Turn premoderation on or off.</param>
/// <param name="HoldThreshold">A toxicity hold threshold in [0,1].</param>
/// <param name="Trust">The article's trust rule counts, replacing its earlier ones whole (all null: the site's again).</param>
[GenerateSerializer, Immutable, Alias("moderation.article-settings-update")]
public sealed record ArticleSettingsUpdate(
    [property: Id(0)] bool? CommentsOpen,
    [property: Id(1)] bool? Premoderation,
    [property: Id(2)] double? HoldThreshold,
    [property: Id(3)] ArticleTrust? Trust = null);
