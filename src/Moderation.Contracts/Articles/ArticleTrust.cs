namespace Moderation.Contracts.Articles;

/// <summary>An article's own trust rule counts, each overriding the site's (configuration Trust:*) when not null; 0 turns a rule off.</summary>
/// <param name="NewReaderComments">A reader's first this many comments wait (new-reader).</param>
/// <param name="LinkApprovedComments">Links wait while the author has fewer approved comments than this (link).</param>
/// <param name="RecentRejections">This many rejections within the site's window premoderate the reader (recent-rejections).</param>
[GenerateSerializer, Immutable, Alias("moderation.article-trust")]
public sealed record ArticleTrust(
    [property: Id(0)] int? NewReaderComments,
    [property: Id(1)] int? LinkApprovedComments,
    [property: Id(2)] int? RecentRejections);
