using System.Net;
using Microsoft.Extensions.Options;
using Moderation.Redis.RateLimits;
using StackExchange.Redis;

namespace Moderation.Api.RateLimits;

/// <summary>
/// The write limits of <see cref="RateLimitOptions"/>: one counter per kind of write and reader and one per kind and
/// client address (<see cref="RateLimitKeys"/>), counted in <see cref="WindowCounters"/> so a limit holds across every
/// silo. When Redis does not answer the call throws, and the write is refused with 503.
/// </summary>
public sealed class WriteRateLimiter(WindowCounters counters, IOptions<RateLimitOptions> options)
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

        var limited = new List<(RedisKey Key, int Limit)>(2);
        if (limit.PerReader > 0 && readerId is not null)
        {
            limited.Add((RateLimitKeys.Reader(Name(kind), readerId), limit.PerReader));
        }

        if (limit.PerIp > 0 && client is not null)
        {
            limited.Add((RateLimitKeys.Address(Name(kind), client), limit.PerIp));
        }

        return limited.Count == 0 ? null : await counters.TryCountAsync(limited, limit.Window);
    }

    private static string Name(WriteKind kind) => kind switch
    {
        WriteKind.Vote => "vote",
        WriteKind.Comment => "comment",
        WriteKind.Report => "report",
        WriteKind.Reaction => "reaction",
        WriteKind.AnonymousToken => "anonymous-token",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
