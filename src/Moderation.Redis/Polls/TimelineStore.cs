using System.Collections.Immutable;
using System.Globalization;
using StackExchange.Redis;

namespace Moderation.Redis.Polls;

/// <summary>
/// A poll's timeline: at most one snapshot of its totals per minute, the totals as they stood when the minute's first
/// change was published. The votes of a minute are the difference between its snapshot and the next one (or the live
/// totals), so a minute without a snapshot had none.
/// </summary>
public sealed class TimelineStore(IConnectionMultiplexer redis)
{
    /// <summary>Records the totals at the start of <paramref name="minute"/>; the first record of a minute stands.</summary>
    public async Task RecordAsync(string pollId, long minute, IReadOnlyDictionary<string, long> totals)
    {
        var database = redis.GetDatabase();
        var key = PollRedisKeys.Timeline(pollId);
        var batch = database.CreateBatch();
        var recorded = batch.HashSetAsync(key, minute.ToString(CultureInfo.InvariantCulture), Format(totals), When.NotExists);
        var expiry = batch.KeyExpireAsync(key, PollAnalytics.Retention);
        batch.Execute();
        await Task.WhenAll(recorded, expiry);
    }

    /// <summary>Every snapshot, by minute.</summary>
    public async Task<ImmutableSortedDictionary<long, ImmutableDictionary<string, long>>> ReadAsync(string pollId)
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(PollRedisKeys.Timeline(pollId));
        return entries.ToImmutableSortedDictionary(
            entry => long.Parse((string)entry.Name!, CultureInfo.InvariantCulture), entry => Parse(entry.Value!));
    }

    public static long MinuteOf(DateTimeOffset time) => time.ToUnixTimeSeconds() / 60;

    private static string Format(IReadOnlyDictionary<string, long> totals) =>
        string.Join(';', totals.Where(total => total.Value != 0).Select(total => $"{total.Key}={total.Value.ToString(CultureInfo.InvariantCulture)}"));

    private static ImmutableDictionary<string, long> Parse(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToImmutableDictionary(pair => pair[0], pair => long.Parse(pair[1], CultureInfo.InvariantCulture));
}
