using System.Net;
using System.Net.Sockets;

namespace Moderation.Redis.RateLimits;

/// <summary>Where the write limits count, per kind of write ("vote", "comment", ...) and reader or client address.</summary>
public static class RateLimitKeys
{
    /// <summary>One reader's counter for one kind of write.</summary>
    public static string Reader(string kind, string readerId) => $"moderation:ratelimit:{kind}:reader:{readerId}";

    /// <summary>IPv6 clients are counted per /64: one subscriber usually holds a whole /64.</summary>
    public static string Address(string kind, IPAddress client)
    {
        if (client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }

        var address = client.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPAddress([.. client.GetAddressBytes().AsSpan(0, 8), 0, 0, 0, 0, 0, 0, 0, 0]) + "/64"
            : client.ToString();
        return $"moderation:ratelimit:{kind}:ip:{address}";
    }
}
