using System.Net;
using System.Net.Http.Json;
using Moderation.Silo.Web;
using Moderation.Testing;

namespace Moderation.Browser.Tests;

public sealed class DemoSeedingTests
{
    [Fact]
    public async Task The_demo_is_seeded_once_per_data_store_and_a_restart_adds_nothing()
    {
        var directory = TestDirectories.Create("demo-seed");
        var seed = new Dictionary<string, string> { ["Web:SeedDemo"] = "true" };
        try
        {
            DemoState first;
            await using (var silo = await SiloProcess.StartAsync(directory, seed))
            {
                first = await ReadAsync(silo);
                await silo.StopAsync();
            }

            await using (var silo = await SiloProcess.StartAsync(directory, seed))
            {
                var second = await ReadAsync(silo);
                Assert.Equal(first, second);
            }

            var pollId = Assert.Single(first.Polls.Split(','));
            Assert.Equal(DemoArticle.Comments.Length, first.CommentCount);
            Assert.Equal(DemoArticle.SeedVotes.Sum(), first.TotalVotes);
            Assert.Equal(DemoArticle.Held.Length, first.Pending);
            Assert.StartsWith("p", pollId);
        }
        finally
        {
            TestDirectories.TryDelete(directory);
        }
    }

    [Fact]
    public async Task Outside_development_nothing_is_seeded()
    {
        var key = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48));
        await using var factory = new SiloFactory(settings: new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["Auth:SigningKey"] = key,
            ["Web:SeedDemo"] = "true",
        });
        using var client = factory.CreateClient();
        using var ready = await client.WaitUntilReadyAsync();

        var article = await client.GetFromJsonAsync<ArticleBody>($"/api/articles/{DemoArticle.Id}");
        using var page = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Empty(article!.PollIds);
        Assert.Equal(0, article.CommentCount);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private static async Task<DemoState> ReadAsync(SiloProcess silo)
    {
        using var client = silo.CreateClient();
        var article = await client.GetFromJsonAsync<ArticleBody>($"/api/articles/{DemoArticle.Id}");
        var results = await client.GetFromJsonAsync<ResultsBody>($"/api/polls/{article!.PollIds.Single()}/results");
        client.WithToken(await client.DevTokenAsync("checker", "moderator"));
        var queue = await client.GetFromJsonAsync<QueueBody>($"/api/moderation/queue?state=pending&articleId={DemoArticle.Id}");
        return new DemoState(string.Join(",", article.PollIds), article.CommentCount, results!.TotalVotes, queue!.Counts.Pending);
    }

    private sealed record DemoState(string Polls, int CommentCount, long TotalVotes, long Pending);

    private sealed record ArticleBody(string[] PollIds, int CommentCount);

    private sealed record ResultsBody(long TotalVotes);

    private sealed record QueueBody(CountsBody Counts);

    private sealed record CountsBody(long Pending);
}
