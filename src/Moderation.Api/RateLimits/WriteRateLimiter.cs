using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Moderation.Api.RateLimits;

/// <summary>
/// Fixed-window counters in Redis, one per kind of write and reader and one per kind and client address, so a limit
/// holds across every silo. Both counters go up in one round trip: SET NX PX starts a window where none is open, and
/// INCR counts, all pipelined on one connection, so they run in order. A write that finds either counter over its
/// limit is refused and takes its count back from both, so a refused write uses nothing up. No script: the embedded
/// store runs each script as a transaction, and with one on the vote path a burst of 2,000 votes timed out (503).
/// When Redis does not answer the call throws, and the write is refused with 503 as well.
/// </summary>
public sealed class WriteRateLimiter(GateConnection connection, IOptions<RateLimitOptions> options)
{
    /// <returns>Null when the write may go ahead (and is counted), else how long until the full window ends.</returns>
    public async Task<TimeSpan?> TryAcquireAsync(WriteKind kind, string? readerId, IPAddress? client)
    {
        var settings = options.Value;
        var limit = settings.For(kind);
        if (!settings.Enabled)
        {
            return null;
        }

        var counters = new List<(RedisKey Key, int Limit)>(2);
        if (limit.PerReader > 0 && readerId is not null)
        {
            counters.Add((RateLimitKeys.Reader(kind, readerId), limit.PerReader));
        }

        if (limit.PerIp > 0 && client is not null)
        {
            counters.Add((RateLimitKeys.Address(kind, client), limit.PerIp));
        }

        if (counters.Count == 0)
        {
            return null;
        }

        var database = await connection.DatabaseAsync();
        var windows = counters.Select(counter => database.StringSetAsync(counter.Key, 0, limit.Window, When.NotExists)).ToArray();
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

        return await TimeLeftAsync(database, full[0], limit.Window);
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

public static class RateLimitKeys
{
    public static string Reader(WriteKind kind, string readerId) => $"moderation:ratelimit:{Name(kind)}:reader:{readerId}";

    /// <summary>IPv6 clients are counted per /64: one subscriber usually holds a whole /64.</summary>
    public static string Address(WriteKind kind, IPAddress client)
    {
        if (client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }

        var address = client.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPAddress([.. client.GetAddressBytes().AsSpan(0, 8), 0, 0, 0, 0, 0, 0, 0, 0]) + "/64"
            : client.ToString();
        return $"moderation:ratelimit:{Name(kind)}:ip:{address}";
    }

    private static string Name(WriteKind kind) => kind switch
    {
        WriteKind.Vote => "vote",
        WriteKind.Comment => "comment",
        WriteKind.Report => "report",
        WriteKind.AnonymousToken => "anonymous-token",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
