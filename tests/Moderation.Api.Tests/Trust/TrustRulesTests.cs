using Moderation.Api.Trust;
using Moderation.Contracts.Articles;
using Moderation.Redis.Readers;

namespace Moderation.Api.Tests.Trust;

/// <summary>The trust rules' decision on fixed histories and times (no service).</summary>
public sealed class TrustRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static readonly TrustOptions Rejections = new()
    {
        RecentRejections = 3,
        RejectionWindow = TimeSpan.FromHours(1),
        RejectionPremoderation = TimeSpan.FromHours(2),
    };

    [Theory]
    [InlineData("see https://example.org/x", true)]
    [InlineData("see HTTP://EXAMPLE.ORG", true)]
    [InlineData("at www.example.co.uk today", true)]
    [InlineData("the www is old", false)]
    [InlineData("https:// alone", false)]
    [InlineData("example.org without a scheme", false)]
    public void A_link_is_an_http_url_or_a_www_host(string body, bool link) => Assert.Equal(link, TrustRules.HasLink(body));

    [Fact]
    public void Three_rejections_within_the_window_premoderate_until_the_time_after_the_third_runs_out()
    {
        var history = History(Now.AddMinutes(-150), Now.AddMinutes(-130), Now.AddMinutes(-100));

        Assert.Equal(["recent-rejections"], TrustRules.Reasons(Rejections, history, "text", Now).ToArray());
        Assert.Empty(TrustRules.Reasons(Rejections, history, "text", Now.AddMinutes(21)));
    }

    [Fact]
    public void Three_rejections_spread_wider_than_the_window_do_not_premoderate_and_three_just_within_it_do()
    {
        var spread = History(Now.AddMinutes(-130), Now.AddMinutes(-60), Now.AddMinutes(-5));
        var within = History(Now.AddMinutes(-65), Now.AddMinutes(-30), Now.AddMinutes(-5));

        Assert.Empty(TrustRules.Reasons(Rejections, spread, "text", Now));
        Assert.Equal(["recent-rejections"], TrustRules.Reasons(Rejections, within, "text", Now).ToArray());
    }

    [Fact]
    public void An_articles_counts_replace_the_sites_where_it_has_them()
    {
        var site = new TrustOptions { NewReaderComments = 3, LinkApprovedComments = 2, RecentRejections = 4 };

        var effective = site.ForArticle(new ArticleTrust(0, null, 1));

        Assert.Equal((0, 2, 1), (effective.NewReaderComments, effective.LinkApprovedComments, effective.RecentRejections));
        Assert.Same(site, site.ForArticle(null));
    }

    private static ReaderHistory History(params DateTimeOffset[] rejectedAt) => new(10, 10, [.. rejectedAt.Order()]);
}
