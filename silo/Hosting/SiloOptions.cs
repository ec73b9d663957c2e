using System.Net;

namespace Moderation.Silo.Hosting;

public sealed class SiloOptions
{
    public const string Section = "Orleans";

    /// <summary>Silos with the same cluster id form one cluster; give a new deployment (not an upgrade) a new one.</summary>
    public string ClusterId { get; set; } = "moderation";

    /// <summary>Names the service's stored grain state; it must never change once data exists.</summary>
    public string ServiceId { get; set; } = "moderation";

    /// <summary>Port silos talk to each other on; each silo on one host needs its own.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients connect to (the co-hosted API does not use it); each silo on one host needs its own.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos reach this one on (Redis mode): an IP address or a host name; empty picks this host's first address.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>The Orleans Dashboard at /dashboard, in the Development environment only.</summary>
    public bool Dashboard { get; set; } = true;

    public static bool IsPort(int port) => port is > 0 and <= IPEndPoint.MaxPort;

    /// <summary>The advertised address as an IP address: parsed, or the first IPv4 address the name resolves to.</summary>
    public IPAddress? ResolveAdvertisedAddress()
    {
        if (string.IsNullOrWhiteSpace(AdvertisedAddress))
        {
            return null;
        }

        if (IPAddress.TryParse(AdvertisedAddress, out var address))
        {
            return address;
        }

        try
        {
            var addresses = Dns.GetHostAddresses(AdvertisedAddress);
            return addresses.FirstOrDefault(candidate => candidate.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
                ?? addresses.FirstOrDefault()
                ?? throw new InvalidOperationException($"Orleans:AdvertisedAddress '{AdvertisedAddress}' resolves to no address.");
        }
        catch (System.Net.Sockets.SocketException error)
        {
            throw new InvalidOperationException($"Orleans:AdvertisedAddress '{AdvertisedAddress}' is not an IP address and does not resolve: {error.Message}");
        }
    }

    /// <summary>What is wrong with these settings, or null.</summary>
    public string? Problem()
    {
        if (!IsPort(SiloPort) || !IsPort(GatewayPort))
        {
            return $"Orleans:SiloPort ({SiloPort}) and Orleans:GatewayPort ({GatewayPort}) must be ports from 1 to 65535.";
        }

        if (SiloPort == GatewayPort)
        {
            return $"Orleans:SiloPort and Orleans:GatewayPort must differ (both are {SiloPort}).";
        }

        return string.IsNullOrWhiteSpace(ClusterId) || string.IsNullOrWhiteSpace(ServiceId)
            ? "Orleans:ClusterId and Orleans:ServiceId must not be empty."
            : null;
    }
}
