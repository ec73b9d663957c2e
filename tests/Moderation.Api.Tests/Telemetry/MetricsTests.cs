using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Tests.Comments;
using Moderation.Api.Tests.Polls;
using Moderation.Contracts.Moderators;
using Moderation.Contracts.Polls;
using Moderation.Redis.Moderators;
using Moderation.Redis.Polls;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Telemetry;

/// <summary>A service of its own, so that every measurement seen here comes from these tests' requests.</summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private readonly SiloFactory _factory = new(settings: new Dictionary<string, string?>
    {
        ["Telemetry:QueueSampleInterval"] = "00:00:01",
        ["Comments:PostInterval"] = "00:00:00",
    });
    private RecordedMeasurements _measurements = null!;

    public async Task InitializeAsync()
    {
        _measurements = new RecordedMeasurements(_factory.Services.GetRequiredService<IMeterFactory>());
        await _factory.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        _measurements.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Votes_are_counted_by_outcome_and_refused_votes_not_at_all()
    {
        using var editor = await _factory.ReaderAsync("metrics-editor", "editor");
        var poll = await editor.CreatePollAsync(CommentClient.NewArticle("metrics"));
        var pollId = poll.GetProperty("id").GetString()!;
        using var reader = await _factory.ReaderAsync("metrics-voter");

        (await reader.VoteAsync(pollId, "o1")).EnsureSuccessStatusCode();
        (await reader.VoteAsync(pollId, "o1")).EnsureSuccessStatusCode();
        using var refused = await reader.VoteAsync(pollId, "o2");

        Assert.Equal(System.Net.HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(1, _measurements.Sum("moderation.votes", "outcome", "counted"));
        Assert.Equal(1, _measurements.Sum("moderation.votes", "outcome", "unchanged"));
        Assert.Equal(0, _measurements.Sum("moderation.votes", "outcome", "changed"));
    }

    [Fact]
    public async Task Comments_are_counted_by_outcome_holds_by_reason_and_every_scoring_is_timed()
    {
        var open = CommentClient.NewArticle("metrics-open");
        var premoderated = CommentClient.NewArticle("metrics-premod");
        using var moderator = await _factory.ModeratorAsync();
        (await moderator.SettingsAsync(premoderated, new { premoderation = true })).EnsureSuccessStatusCode();
        using var reader = await _factory.ReaderAsync("metrics-commenter");

        var civil = await reader.CommentAsync(open, CommentClient.Civil);
        var abusive = await reader.CommentAsync(open, CommentClient.Abusive);
        var held = await reader.CommentAsync(premoderated, CommentClient.Civil);

        Assert.Equal(("published", "pending", "pending"), (civil.Status(), abusive.Status(), held.Status()));
        Assert.Equal(1, _measurements.Sum("moderation.comments.posted", "outcome", "published"));
        Assert.Equal(2, _measurements.Sum("moderation.comments.posted", "outcome", "pending"));
        Assert.Equal(1, _measurements.Sum("moderation.comments.held", "reason", "toxicity"));
        Assert.Equal(1, _measurements.Sum("moderation.comments.held", "reason", "premoderation"));
        Assert.Equal(3, _measurements.Count("moderation.toxicity.duration"));
    }

    [Fact]
    public async Task Results_reads_say_whether_the_cache_had_them()
    {
        using var editor = await _factory.ReaderAsync("metrics-editor", "editor");
        var pollId = (await editor.CreatePollAsync(CommentClient.NewArticle("metrics-cache"))).GetProperty("id").GetString()!;
        (await editor.VoteAsync(pollId, "o1")).EnsureSuccessStatusCode();
        var redis = _factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var key = PollRedisKeys.Results(pollId);
        Assert.True(await WaitUntilAsync(async () => await redis.KeyExistsAsync(key)), "The results were never cached.");
        var cached = await redis.StringGetAsync(key);
        using var anyone = _factory.CreateClient();

        await redis.KeyDeleteAsync(key);
        await anyone.ResultsAsync(pollId);
        await redis.StringSetAsync(key, cached);
        await anyone.ResultsAsync(pollId);

        Assert.Equal(1, _measurements.Sum("moderation.poll_results.reads", "cache", "miss"));
        Assert.Equal(1, _measurements.Sum("moderation.poll_results.reads", "cache", "hit"));
    }

    [Fact]
    public async Task The_queue_gauge_reports_the_sampled_site_wide_queue_sizes()
    {
        using var reader = await _factory.ReaderAsync("metrics-queue");
        await reader.CommentAsync(CommentClient.NewArticle("metrics-queue"), CommentClient.Abusive);
        var pending = await _factory.Services.GetRequiredService<QueueStore>().SiteSizeAsync(QueueNames.Pending);

        var sampled = await WaitUntilAsync(() => Task.FromResult(_measurements.Observe("moderation.queue.size", "queue", "pending") >= pending));

        Assert.True(pending >= 1);
        Assert.True(sampled, $"The pending gauge never reached {pending}.");
        Assert.NotNull(_measurements.Observe("moderation.queue.size", "queue", "reported"));
    }

    private static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
