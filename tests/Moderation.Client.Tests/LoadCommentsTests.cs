using System.Text.Json;
using Moderation.Client.Load;

namespace Moderation.Client.Tests;

/// <summary><c>load comments</c> against the real service, whose post interval is the default 3 s.</summary>
[Collection(ServiceCollection.Name)]
public sealed class LoadCommentsTests(ServiceFixture service)
{
    [Fact]
    public async Task Each_reader_posts_as_its_own_author_and_the_published_counts_match()
    {
        var result = await service.RunAsync("load", "comments", "-n", "4", "-d", "2s", "--articles", "2", "--signing-key", service.SigningKey, "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var figures = JsonSerializer.Deserialize<LoadFigures>(result.Output, LoadFigures.JsonOptions)!;
        Assert.Equal("comments", figures.Kind);
        Assert.Equal(4, figures.Requests);
        Assert.Equal(0, figures.Errors);
        Assert.Equal(0, figures.RateLimited);
        var check = figures.Comments!;
        Assert.True(check.Match);
        Assert.Equal(4, check.Acknowledged);
        Assert.Equal(4, check.Published);
        Assert.Equal(2, check.ActualPublished.Count);
        Assert.All(check.ActualPublished.Values, grew => Assert.Equal(2, grew));
    }

    [Fact]
    public async Task Without_pauses_the_service_rate_limits_and_429s_are_counted_apart_from_errors()
    {
        var article = ServiceFixture.Fresh("client-load-429");

        var result = await service.RunAsync("load", "comments", "-n", "2", "-d", "3s", "--interval", "0", "--article", article, "--abusive-share", "1", "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var figures = JsonSerializer.Deserialize<LoadFigures>(result.Output, LoadFigures.JsonOptions)!;
        // Each reader's first post is taken; its next, sent at once, meets the reader's 3 s interval and is refused with a
        // Retry-After that ends after the run. (A first post that itself took over 3 s would leave no time for a second.)
        var check = figures.Comments!;
        Assert.Equal(2, check.Acknowledged);
        Assert.InRange(figures.RateLimited, 1, 2);
        Assert.Equal(check.Acknowledged + figures.RateLimited, figures.Requests);
        Assert.Equal(0, figures.Errors);
        Assert.Empty(figures.ErrorsByStatus);
        Assert.Equal(2, check.Held);
        Assert.Equal(0, check.ActualPublished[article]);
        Assert.True(check.Match);
    }

    [Fact]
    public async Task With_baseline_prints_the_ratios_and_a_table_with_the_rate_limited_column()
    {
        var json = await service.RunAsync("load", "comments", "-n", "2", "-d", "1s", "--with-baseline", "--json");
        var table = await service.RunAsync("load", "comments", "-n", "2", "-d", "1s");

        Assert.True(json.ExitCode == 0, json.Output);
        var comparison = JsonSerializer.Deserialize<LoadComparison>(json.Output, LoadFigures.JsonOptions)!;
        Assert.Equal("baseline", comparison.Baseline.Kind);
        Assert.Equal("comments", comparison.Run.Kind);
        Assert.True(comparison.Run.Comments!.Match);
        Assert.True(comparison.ThroughputRatio > 0);
        Assert.True(table.ExitCode == 0, table.Output);
        Assert.Contains("Rate limited (429)", table.Output);
        Assert.Contains("MATCH: 2 comment(s) acknowledged", table.Output);
    }
}
