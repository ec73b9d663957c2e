using System.Net;
using System.Net.Sockets;

namespace Moderation.Redis.RateLimits;

/// <summary>
/// What write limits and brigading signals count as one client: an IPv4 address, or an IPv6 /64 (one subscriber
/// usually holds a whole /64).
/// </summary>
public static class ClientGroups
{
    public static string Of(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPAddress([.. address.GetAddressBytes().AsSpan(0, 8), 0, 0, 0, 0, 0, 0, 0, 0]) + "/64"
            : address.ToString();
    }
}
