using System.Net;
using System.Net.Http.Json;
using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Cluster.Tests;

/// <summary>Two silo processes over one store; run on redis-server and on a three-master Redis Cluster by the classes below.</summary>
public abstract class SiloKillTests(RedisServerFixture redis, ITestOutputHelper output)
{
    private const int Voters = 900;
    private const int VoteConcurrency = 12;
    private const int KillAfterVotes = 250;
    private const int Commenters = 6;
    private const int CommentsEach = 25;
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Killing_one_of_two_silos_mid_load_loses_no_acknowledged_vote_or_comment_and_live_results_keep_coming()
    {
        output.WriteLine($"Redis: {redis.Kind}");
        await using var cluster = await TwoSilos.StartAsync(redis.ConnectionString);
        var readers = new Readers(cluster.SigningKey);
        var editor = readers.Token("editor-1", "editor");
        using var endpoints = new Endpoints([cluster.First.BaseAddress, cluster.Second.BaseAddress]);

        var articleId = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.OK, await endpoints.PutAsync(1, $"/api/articles/{articleId}/settings", new { holdThreshold = 1.0 }, editor));
        var poll = await CreatePollAsync(endpoints, articleId, editor);
        await using var listener = await ResultsListener.ConnectAsync(cluster.First.BaseAddress, poll.Id);

        var votes = new VoteLoad(endpoints, readers, poll.Id, [.. poll.Options.Select(option => option.Id)], Voters);
        var comments = new CommentLoad(endpoints, readers, articleId, Commenters, CommentsEach);
        var voting = votes.RunAsync(VoteConcurrency);
        var commenting = comments.RunAsync();
        await votes.WaitForAcknowledgedAsync(KillAfterVotes, voting);
        Assert.False(voting.IsCompleted, "The load ended before the kill; raise Voters.");
        cluster.Second.Kill();
        var eventsBeforeKill = listener.Events.Count;
        output.WriteLine($"Killed the second silo after {votes.Acknowledged} acknowledged votes and {comments.Acknowledged.Count} comments.");
        try
        {
            await Task.WhenAll(voting, commenting);
        }
        catch
        {
            var log = cluster.First.Output;
            var file = Path.Combine(Path.GetTempPath(), $"surviving-silo-{Guid.NewGuid():N}.log");
            await File.WriteAllTextAsync(file, log);
            output.WriteLine($"The surviving silo's output is in {file}; its last part:\n" + log[^Math.Min(log.Length, 3000)..]);
            throw;
        }

        output.WriteLine($"Votes: {votes.Acknowledged} acknowledged, {votes.Retried} needed a retry. " +
            $"Comments: {comments.Acknowledged.Count} acknowledged, {comments.Retried} needed a retry.");

        var expected = votes.Expected;
        Assert.Equal(Voters, votes.Acknowledged);
        var published = await WaitForAsync(() => endpoints.GetAsync<ResultsEvent>(0, $"/api/polls/{poll.Id}/results"), expected);
        Assert.Equal(expected, published.ByOption);
        Assert.Equal(Voters, published.TotalVotes);

        var recount = await RecountAsync(endpoints, poll.Id, editor);
        Assert.Empty(recount.Differences);
        Assert.Equal(expected, recount.Recounted.ToDictionary(option => option.Id, option => option.Votes));

        var live = await WaitForAsync(() => Task.FromResult(listener.Events.LastOrDefault() ?? ResultsEvent.None), expected);
        Assert.Null(listener.Failure);
        Assert.True(listener.Events.Count > eventsBeforeKill, "The listener on the surviving silo got no results event after the kill.");
        Assert.Equal(expected, live.ByOption);

        var thread = await ReadThreadAsync(endpoints, articleId);
        Assert.Equal(thread.Count, thread.Distinct().Count());
        Assert.Equal(Commenters * CommentsEach, comments.Acknowledged.Count);
        Assert.Equal(comments.Acknowledged.Order(StringComparer.Ordinal), thread.Order(StringComparer.Ordinal));
        var article = await endpoints.GetAsync<ArticleCount>(0, $"/api/articles/{articleId}");
        Assert.Equal(thread.Count, article.CommentCount);
    }

    private static async Task<CreatedPoll> CreatePollAsync(Endpoints endpoints, string articleId, string editor)
    {
        var request = new { question = "Should the council publish the full budget?", options = new[] { "Yes", "No", "Not sure" } };
        using var response = await endpoints.TryPostAsync(0, $"/api/articles/{articleId}/polls", request, editor);
        Assert.Equal(HttpStatusCode.Created, response?.StatusCode);
        return (await response!.Content.ReadFromJsonAsync<CreatedPoll>())!;
    }

    private static async Task<RecountAnswer> RecountAsync(Endpoints endpoints, string pollId, string editor)
    {
        var (response, _) = await endpoints.PostUntilAnsweredAsync(0, $"/api/polls/{pollId}/recount", new { }, editor, SettleLimit);
        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<RecountAnswer>())!;
        }
    }

    /// <summary>Results settle after the load: shards report within 100 ms, and a shard that moved reloads its votes first.</summary>
    private static async Task<ResultsEvent> WaitForAsync(Func<Task<ResultsEvent>> read, IReadOnlyDictionary<string, long> expected)
    {
        var deadline = DateTime.UtcNow + SettleLimit;
        while (true)
        {
            var results = await read();
            if (results.ByOption.OrderBy(pair => pair.Key).SequenceEqual(expected.OrderBy(pair => pair.Key)) || DateTime.UtcNow > deadline)
            {
                return results;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<List<string>> ReadThreadAsync(Endpoints endpoints, string articleId)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var path = $"/api/articles/{articleId}/comments?sort=oldest&limit=100" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await endpoints.GetAsync<ThreadPage>(0, path);
            ids.AddRange(page.Items.Select(item => item.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return ids;
    }

    private sealed record CreatedPoll(string Id, IReadOnlyList<CreatedOption> Options);

    private sealed record CreatedOption(string Id, string Text);

    private sealed record RecountAnswer(IReadOnlyList<OptionCount> Recounted, IReadOnlyList<object> Differences);

    private sealed record ThreadPage(IReadOnlyList<ThreadItem> Items, string? NextCursor);

    private sealed record ThreadItem(string Id);

    private sealed record ArticleCount(long CommentCount);
}

public sealed class SiloKillOnRedisServerTests(RedisServerFixture redis, ITestOutputHelper output)
    : SiloKillTests(redis, output), IClassFixture<RedisServerFixture>;

public sealed class SiloKillOnRedisClusterTests(RedisClusterFixture redis, ITestOutputHelper output)
    : SiloKillTests(redis, output), IClassFixture<RedisClusterFixture>;
