using System.Net;

namespace Moderation.Api.RateLimits;

/// <summary>
/// Where the client address that per-address limits count comes from. It is the TCP peer, unless the peer is a
/// trusted reverse proxy: then it is the last address the proxy put in X-Forwarded-For. Loopback is always trusted,
/// so a proxy on the same host works as it is; a client elsewhere cannot pick its address by sending the header.
/// </summary>
public sealed class ClientAddressOptions
{
    public const string Section = "ClientAddress";

    /// <summary>Addresses of the reverse proxies in front of the service, besides loopback.</summary>
    public string[] TrustedProxies { get; set; } = [];

    public bool IsValid() => TrustedProxies.All(proxy => IPAddress.TryParse(proxy, out _));
}
