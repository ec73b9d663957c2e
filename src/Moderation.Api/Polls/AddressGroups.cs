using System.Net;
using System.Net.Sockets;

namespace Moderation.Api.Polls;

/// <summary>What the brigading signals count as one client: an IPv4 address, or an IPv6 /64 (one home or host's block).</summary>
public static class AddressGroups
{
    public static string? GroupOf(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
