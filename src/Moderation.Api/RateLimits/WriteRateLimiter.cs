using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Moderation.Api.RateLimits;

/// <summary>
/// Fixed-window counters in Redis, one per kind of write and reader and one per kind and client address, so a limit
/// holds across every silo. One script checks both counters and counts the write in both only when neither is full:
/// a refused write uses up nothing. When Redis does not answer the call throws, and the write is refused with 503.
/// </summary>
public sealed class WriteRateLimiter(GateConnection connection, IOptions<RateLimitOptions> options)
{
    private const string Script = """
        local window = tonumber(ARGV[1])
        for i = 1, #KEYS do
          local count = tonumber(redis.call('GET', KEYS[i]) or '0')
          if count >= tonumber(ARGV[i + 1]) then
            local left = tonumber(redis.call('PTTL', KEYS[i]))
            if left < 0 then
              redis.call('PEXPIRE', KEYS[i], window)
              left = window
            end
            return left
          end
        end
        for i = 1, #KEYS do
          if tonumber(redis.call('INCR', KEYS[i])) == 1 then
            redis.call('PEXPIRE', KEYS[i], window)
          end
        end
        return 0
        """;

    /// <returns>Null when the write may go ahead (and is counted), else how long until the full window ends.</returns>
    public async Task<TimeSpan?> TryAcquireAsync(WriteKind kind, string? readerId, IPAddress? client)
    {
        var settings = options.Value;
        var limit = settings.For(kind);
        if (!settings.Enabled)
        {
            return null;
        }

        var keys = new List<RedisKey>(2);
        var values = new List<RedisValue> { (long)limit.Window.TotalMilliseconds };
        if (limit.PerReader > 0 && readerId is not null)
        {
            keys.Add(RateLimitKeys.Reader(kind, readerId));
            values.Add(limit.PerReader);
        }

        if (limit.PerIp > 0 && client is not null)
        {
            keys.Add(RateLimitKeys.Address(kind, client));
            values.Add(limit.PerIp);
        }

        if (keys.Count == 0)
        {
            return null;
        }

        var database = await connection.DatabaseAsync();
        var left = (long)await database.ScriptEvaluateAsync(Script, [.. keys], [.. values]);
        return left > 0 ? TimeSpan.FromMilliseconds(left) : null;
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
