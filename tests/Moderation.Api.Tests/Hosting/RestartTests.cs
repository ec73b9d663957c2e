using System.Net;
using System.Net.Http.Json;
using Moderation.Testing;

namespace Moderation.Api.Tests.Hosting;

/// <summary>State written before a stop, graceful or not, is there after a start over the same data directory.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _dataDirectory = TestDirectories.Create("restart");

    [Fact]
    public async Task Settings_survive_a_graceful_restart_of_the_host()
    {
        const string article = "restart-graceful";
        await using (var first = new SiloFactory(_dataDirectory))
        {
            using var client = first.CreateClient();
            client.WithToken(await client.DevTokenAsync("eddie", "editor"));
            using var write = await client.PutAsJsonAsync($"/api/articles/{article}/settings", new { premoderation = true, holdThreshold = 0.42 });
            Assert.Equal(HttpStatusCode.OK, write.StatusCode);
        }

        await using var second = new SiloFactory(_dataDirectory);
        using var reader = second.CreateClient();
        var reloaded = await reader.GetFromJsonAsync<ArticleBody>($"/api/articles/{article}");

        Assert.True(reloaded!.Premoderation);
        Assert.Equal(0.42, reloaded.HoldThreshold);
    }

    [Fact]
    public async Task Every_acknowledged_write_survives_a_sigkill_of_the_process()
    {
        var acknowledged = new List<string>();
        await using (var silo = await SiloProcess.StartAsync(_dataDirectory))
        {
            using var client = silo.CreateClient();
            client.WithToken(await client.DevTokenAsync("eddie", "editor"));
            for (var i = 0; i < 20; i++)
            {
                var article = $"killed-{i}";
                using var write = await client.PutAsJsonAsync($"/api/articles/{article}/settings", new { premoderation = true, holdThreshold = i / 100.0 });
                Assert.Equal(HttpStatusCode.OK, write.StatusCode);
                acknowledged.Add(article);
            }

            silo.Kill();
        }

        await using var restarted = await SiloProcess.StartAsync(_dataDirectory);
        using var reader = restarted.CreateClient();
        for (var i = 0; i < acknowledged.Count; i++)
        {
            var article = await reader.GetFromJsonAsync<ArticleBody>($"/api/articles/{acknowledged[i]}");
            Assert.True(article!.Premoderation, $"{acknowledged[i]} lost its settings:\n{restarted.Output}");
            Assert.Equal(i / 100.0, article.HoldThreshold);
        }
    }

    [Fact]
    public async Task State_survives_a_sigkill_after_a_checkpoint_as_well()
    {
        var settings = new Dictionary<string, string> { ["Storage:CheckpointIntervalSeconds"] = "1" };
        await using (var silo = await SiloProcess.StartAsync(_dataDirectory, settings))
        {
            using var client = silo.CreateClient();
            client.WithToken(await client.DevTokenAsync("eddie", "editor"));
            using var before = await client.PutAsJsonAsync("/api/articles/checkpointed/settings", new { premoderation = true });
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            await Task.Delay(TimeSpan.FromSeconds(3));
            using var after = await client.PutAsJsonAsync("/api/articles/after-checkpoint/settings", new { commentsOpen = false });
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
            silo.Kill();
        }

        await using var restarted = await SiloProcess.StartAsync(_dataDirectory, settings);
        using var reader = restarted.CreateClient();

        Assert.True((await reader.GetFromJsonAsync<ArticleBody>("/api/articles/checkpointed"))!.Premoderation);
        Assert.False((await reader.GetFromJsonAsync<ArticleBody>("/api/articles/after-checkpoint"))!.CommentsOpen);
    }

    public void Dispose() => TestDirectories.TryDelete(_dataDirectory);

    private sealed record ArticleBody(string Id, bool CommentsOpen, bool Premoderation, double? HoldThreshold);
}
