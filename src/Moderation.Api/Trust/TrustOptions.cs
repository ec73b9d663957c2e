using Moderation.Contracts.Articles;

namespace Moderation.Api.Trust;

/// <summary>The site's trust rules (configuration section <c>Trust</c>); a zero count turns its rule off. An article may override the counts.</summary>
public sealed class TrustOptions
{
    public const string Section = "Trust";

    /// <summary>A reader's first this many comments wait for a moderator (reason new-reader).</summary>
    public int NewReaderComments { get; set; }

    /// <summary>A comment with a link waits (reason link) while its author has fewer approved comments than this.</summary>
    public int LinkApprovedComments { get; set; }

    /// <summary>This many rejections within <see cref="RejectionWindow"/> premoderate the reader (reason recent-rejections).</summary>
    public int RecentRejections { get; set; }

    /// <summary>How close together the rejections that count must be.</summary>
    public TimeSpan RejectionWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long the reader's comments wait after the rejection that completed the count.</summary>
    public TimeSpan RejectionPremoderation { get; set; } = TimeSpan.FromDays(1);

    /// <summary>These settings with an article's own counts in place of the site's where it has them.</summary>
    public TrustOptions ForArticle(ArticleTrust? article) => article is null ? this : new TrustOptions
    {
        NewReaderComments = article.NewReaderComments ?? NewReaderComments,
        LinkApprovedComments = article.LinkApprovedComments ?? LinkApprovedComments,
        RecentRejections = article.RecentRejections ?? RecentRejections,
        RejectionWindow = RejectionWindow,
        RejectionPremoderation = RejectionPremoderation,
    };

    /// <summary>True when any rule needs the reader's history.</summary>
    public bool AnyRule => NewReaderComments > 0 || LinkApprovedComments > 0 || RecentRejections > 0;
}
