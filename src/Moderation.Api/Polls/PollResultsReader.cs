using Moderation.Api.Telemetry;
using Moderation.Contracts.Polls;
using StackExchange.Redis;

namespace Moderation.Api.Polls;

/// <summary>Results as JSON: from the cache key alone on the hot path, from the poll's tally grain when the key is missing.</summary>
public sealed class PollResultsReader(IConnectionMultiplexer redis, IGrainFactory grains, PollDirectory directory, ModerationMetrics metrics)
{
    /// <returns>The results JSON, or null for an unknown poll.</returns>
    public async Task<string?> ReadJsonAsync(string pollId)
    {
        var cached = await redis.GetDatabase().StringGetAsync(PollRedisKeys.Results(pollId));
        metrics.ResultsRead(fromCache: !cached.IsNullOrEmpty);
        if (!cached.IsNullOrEmpty)
        {
            return cached;
        }

        if (await directory.FindAsync(pollId) is null)
        {
            return null;
        }

        var results = await grains.GetGrain<IPollTallyGrain>(pollId).GetResults();
        return System.Text.Json.JsonSerializer.Serialize(results, PollResultsJson.Options);
    }
}
