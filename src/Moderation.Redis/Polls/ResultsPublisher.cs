using System.Text.Json;
using Moderation.Contracts.Polls;
using StackExchange.Redis;

namespace Moderation.Redis.Polls;

/// <summary>Writes a poll's results to its one cache key and sends them on its channel, with a version that only grows.</summary>
public sealed class ResultsPublisher(IConnectionMultiplexer redis)
{
    /// <param name="results">The totals to publish; their version is assigned here.</param>
    /// <param name="openUntil">
    /// When an open poll closes by itself: the cache key expires then, so the next read falls back to the
    /// grain and the status turns to closed even if no grain is active at that moment.
    /// </param>
    public async Task<PollResults> PublishAsync(PollResults results, DateTimeOffset? openUntil)
    {
        var database = redis.GetDatabase();
        var version = await database.StringIncrementAsync(PollRedisKeys.ResultsVersion(results.PollId));
        var published = results with { Version = version };
        var json = JsonSerializer.Serialize(published, PollResultsJson.Options);
        var key = PollRedisKeys.Results(results.PollId);
        if (openUntil is { } until && results.Status == "open" && until > results.AsOf)
        {
            await database.StringSetAsync(key, json, until - results.AsOf);
        }
        else
        {
            await database.StringSetAsync(key, json);
        }
        await (published.Status == "open"
            ? database.SetAddAsync(PollRedisKeys.OpenPolls, results.PollId)
            : database.SetRemoveAsync(PollRedisKeys.OpenPolls, results.PollId));
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(PollRedisKeys.ResultsChannel(results.PollId)), json);
        return published;
    }

    public async Task<string[]> OpenPollIdsAsync() =>
        [.. (await redis.GetDatabase().SetMembersAsync(PollRedisKeys.OpenPolls)).Select(member => (string)member!)];

    /// <summary>The published results as stored, for the hot path that serves them as they are; null when none are published.</summary>
    public async Task<string?> ReadJsonAsync(string pollId)
    {
        var json = await redis.GetDatabase().StringGetAsync(PollRedisKeys.Results(pollId));
        return json.IsNullOrEmpty ? null : (string)json!;
    }

    public async Task<PollResults?> ReadAsync(string pollId)
    {
        var json = await redis.GetDatabase().StringGetAsync(PollRedisKeys.Results(pollId));
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<PollResults>((string)json!, PollResultsJson.Options);
    }
}
