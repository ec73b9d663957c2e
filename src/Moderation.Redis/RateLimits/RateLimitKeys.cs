using System.Net;

namespace Moderation.Redis.RateLimits;

/// <summary>Where the write limits count, per kind of write ("vote", "comment", ...) and reader or client address.</summary>
public static class RateLimitKeys
{
    /// <summary>One reader's counter for one kind of write.</summary>
    public static string Reader(string kind, string readerId) => $"moderation:ratelimit:{kind}:reader:{readerId}";

    /// <summary>One client's counter for one kind of write: an IPv4 address or an IPv6 /64 (<see cref="ClientGroups"/>).</summary>
    public static string Address(string kind, IPAddress client) => $"moderation:ratelimit:{kind}:ip:{ClientGroups.Of(client)}";
}
