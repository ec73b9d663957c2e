using Moderation.Redis.Connection;
using StackExchange.Redis;

namespace Moderation.Redis.RateLimits;

/// <summary>
/// Fixed-window counters: all of one write's counters go up in one round trip: SET NX PX starts a window where none is
/// open, and INCR counts, all pipelined on one connection, so they run in order. A write that finds any counter over
/// its limit is refused and takes its count back from all, so a refused write uses nothing up. No script: the embedded
/// store runs each script as a transaction, and with one on the vote path a burst of 2,000 votes timed out (503). Each
/// counter is a key of its own, so on a Redis Cluster the commands go to whichever node holds each.
/// </summary>
public sealed class WindowCounters(GateConnection connection)
{
    /// <returns>Null when every counter stays within its limit (and is counted), else how long until the full window ends.</returns>
    public async Task<TimeSpan?> TryCountAsync(IReadOnlyList<(RedisKey Key, int Limit)> counters, TimeSpan window)
    {
        var database = await connection.DatabaseAsync();
        var windows = counters.Select(counter => database.StringSetAsync(counter.Key, 0, window, When.NotExists)).ToArray();
        var counts = await Task.WhenAll(counters.Select(counter => database.StringIncrementAsync(counter.Key)));
        await Task.WhenAll(windows);

        var full = Enumerable.Range(0, counters.Count).Where(i => counts[i] > counters[i].Limit).Select(i => counters[i].Key).ToArray();
        if (full.Length == 0)
        {
            return null;
        }

        foreach (var (key, _) in counters)
        {
            _ = database.StringDecrementAsync(key, flags: CommandFlags.FireAndForget);
        }

        return await TimeLeftAsync(database, full[0], window);
    }

    /// <summary>What is left of a full counter's window; one that lost its expiry (a crash between INCR and PEXPIRE) gets it back.</summary>
    private static async Task<TimeSpan> TimeLeftAsync(IDatabase database, RedisKey key, TimeSpan window)
    {
        if (await database.KeyTimeToLiveAsync(key) is { } left && left > TimeSpan.Zero)
        {
            return left;
        }

        await database.KeyExpireAsync(key, window);
        return window;
    }
}

