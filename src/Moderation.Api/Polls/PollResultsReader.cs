using Moderation.Api.Telemetry;
using Moderation.Contracts.Polls;
using Moderation.Redis.Polls;

namespace Moderation.Api.Polls;

/// <summary>Results as JSON: from the cache key alone on the hot path, from the poll's tally grain when the key is missing.</summary>
public sealed class PollResultsReader(ResultsPublisher published, IGrainFactory grains, PollDirectory directory, ModerationMetrics metrics)
{
    /// <returns>The results JSON, or null for an unknown poll.</returns>
    public async Task<string?> ReadJsonAsync(string pollId)
    {
        var cached = await published.ReadJsonAsync(pollId);
        metrics.ResultsRead(fromCache: cached is not null);
        if (cached is not null)
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
