using System.Collections.Immutable;
using Moderation.Http.Polls;

namespace Moderation.Api.Polls;

/// <summary>
/// Buckets of votes from the timeline's snapshots: a minute's votes are the difference between its snapshot (the
/// totals as its first change came) and the next snapshot, or the current totals after the last one. Hours add up
/// their minutes.
/// </summary>
public static class PollTimeline
{
    public static IReadOnlyList<TimelineBucketResponse> Buckets(
        IReadOnlyDictionary<long, ImmutableDictionary<string, long>> snapshots,
        IReadOnlyDictionary<string, long> current,
        IReadOnlyList<string> optionIds,
        TimeSpan bucket)
    {
        var bucketMinutes = (long)bucket.TotalMinutes;
        var minutes = snapshots.Keys.Order().ToArray();
        var buckets = new SortedDictionary<long, long[]>();
        for (var i = 0; i < minutes.Length; i++)
        {
            var from = snapshots[minutes[i]];
            IReadOnlyDictionary<string, long> to = i + 1 < minutes.Length ? snapshots[minutes[i + 1]] : current;
            var changes = optionIds.Select(option => to.GetValueOrDefault(option) - from.GetValueOrDefault(option)).ToArray();
            if (changes.All(change => change == 0))
            {
                continue;
            }

            var start = minutes[i] - minutes[i] % bucketMinutes;
            if (!buckets.TryGetValue(start, out var sums))
            {
                buckets[start] = sums = new long[optionIds.Count];
            }

            for (var option = 0; option < changes.Length; option++)
            {
                sums[option] += changes[option];
            }
        }

        return [.. buckets.Select(entry => new TimelineBucketResponse(
            DateTimeOffset.FromUnixTimeSeconds(entry.Key * 60),
            entry.Value.Sum(),
            [.. optionIds.Select((option, index) => new OptionVotesResponse(option, entry.Value[index]))]))];
    }

    /// <summary>The busiest minute against the median of the minutes with votes.</summary>
    public static RateSignalsResponse Rate(IReadOnlyList<TimelineBucketResponse> minutes)
    {
        var active = minutes.Where(minute => minute.Total > 0).ToArray();
        if (active.Length == 0)
        {
            return new RateSignalsResponse(0, null, 0, 0);
        }

        var peak = active.MaxBy(minute => minute.Total)!;
        var sorted = active.Select(minute => minute.Total).Order().ToArray();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2.0;
        return new RateSignalsResponse(peak.Total, peak.Start, median, Math.Round(peak.Total / median, 2));
    }
}
