using System.Net.Http.Json;
using Moderation.Api.Tests.Polls;
using Moderation.Redis.Readers;
using Moderation.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Moderation.Api.Tests.Readers;

/// <summary>
/// SIGKILL the silo halfway through an erasure (on redis-server, which outlives it): the job was recorded before any of
/// it ran, so the restarted silo resumes it, and it ends as complete as an erasure never interrupted.
/// </summary>
public sealed class ErasureCrashTests(RedisServerFixture store, ITestOutputHelper output) : IClassFixture<RedisServerFixture>, IDisposable
{
    private const int Articles = 12;

    private readonly string _dataDirectory = TestDirectories.Create("erasure-crash");

    [Fact]
    public async Task An_erasure_cut_short_by_a_sigkill_is_resumed_when_the_silo_starts_and_leaves_no_trace()
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        var readerId = "crash-erasee-" + tag;
        var texts = Enumerable.Range(0, Articles).Select(i => $"Remark {i} on the library opening hours {tag}").ToArray();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(store.ConnectionString);
        var database = redis.GetDatabase();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = store.ConnectionString,
            ["Orleans:ClusterId"] = "erasure-crash-" + tag,
            ["Orleans:AdvertisedAddress"] = "127.0.0.1",
            ["Comments:PostInterval"] = "00:00:00",
            // A pause after each part, so that the kill lands between parts.
            ["Erasure:StepPause"] = "00:00:00.300",
        };
        string pollId;
        await using (var silo = await SiloProcess.StartAsync(_dataDirectory, settings))
        {
            using var reader = silo.CreateClient();
            reader.WithToken(await reader.DevTokenAsync(readerId));
            using var other = silo.CreateClient();
            other.WithToken(await other.DevTokenAsync("crash-neighbour-" + tag));
            using var editor = silo.CreateClient();
            editor.WithToken(await editor.DevTokenAsync("crash-editor-" + tag, "editor"));
            for (var i = 0; i < Articles; i++)
            {
                using var posted = await reader.PostAsJsonAsync($"/api/articles/crash-{tag}-{i}/comments", new { body = texts[i] });
                posted.EnsureSuccessStatusCode();
            }

            pollId = (await editor.CreatePollAsync($"crash-{tag}-0")).GetProperty("id").GetString()!;
            (await reader.VoteAsync(pollId, "o1")).EnsureSuccessStatusCode();
            (await other.VoteAsync(pollId, "o2")).EnsureSuccessStatusCode();
            await editor.ResultsWithinAsync(pollId, 2, TimeSpan.FromSeconds(10));

            var partsBefore = await PartsHoldingCommentsAsync(database, readerId);
            Assert.True(partsBefore >= 4, $"the comments fell in only {partsBefore} parts");
            var erasing = Task.Run(async () =>
            {
                try
                {
                    using var response = await reader.DeleteAsync("/api/readers/me");
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    // The silo died under the request.
                }
            });
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (await PartsHoldingCommentsAsync(database, readerId) is var left && (left == partsBefore || left == 0))
            {
                Assert.True(left != 0, "the erasure finished before the kill");
                Assert.True(DateTime.UtcNow < deadline, "the erasure did not start within 30 s");
                await Task.Delay(10);
            }

            silo.Kill();
            await erasing;
            output.WriteLine($"killed with {await PartsHoldingCommentsAsync(database, readerId)} of {partsBefore} parts left to erase");
        }

        Assert.Single(await database.SetMembersAsync(ReaderRedisKeys.PendingErasures));
        Assert.NotEmpty(await StoreScan.FindAsync(redis, texts));

        settings.Remove("Erasure:StepPause");
        // A cluster of its own, so that the restarted silo does not wait for its dead predecessor to be declared dead.
        settings["Orleans:ClusterId"] = "erasure-restart-" + tag;
        await using var restarted = await SiloProcess.StartAsync(_dataDirectory, settings);
        var resumeDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await database.SetLengthAsync(ReaderRedisKeys.PendingErasures) > 0)
        {
            Assert.True(DateTime.UtcNow < resumeDeadline, "the erasure was not resumed within 60 s:\n" + restarted.Output);
            await Task.Delay(50);
        }

        Assert.Empty(await StoreScan.FindAsync(redis, [readerId, .. texts]));
        using var client = restarted.CreateClient();
        var results = await client.ResultsWithinAsync(pollId, 1, TimeSpan.FromSeconds(10));
        Assert.Equal(new long[] { 0, 1, 0 }, results.Votes());
        for (var i = 0; i < Articles; i++)
        {
            var article = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/articles/crash-{tag}-{i}");
            Assert.Equal(0, article.GetProperty("commentCount").GetInt32());
        }
    }

    public void Dispose() => TestDirectories.TryDelete(_dataDirectory);

    private static async Task<int> PartsHoldingCommentsAsync(IDatabase database, string readerId)
    {
        var sizes = await Task.WhenAll(Moderation.Redis.Comments.CommentParts.All.Select(part => database.SortedSetLengthAsync(ReaderRedisKeys.Comments(part, readerId))));
        return sizes.Count(size => size > 0);
    }
}
