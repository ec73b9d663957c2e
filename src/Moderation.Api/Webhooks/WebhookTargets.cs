using System.Net;
using System.Net.Sockets;

namespace Moderation.Api.Webhooks;

/// <summary>
/// Which URLs a webhook may post to: http or https, and, unless private targets are allowed, only public addresses,
/// so that an editor cannot make the service call into its own network. Checked when a webhook is registered and again
/// for every connection, on the addresses the name resolves to then.
/// </summary>
public static class WebhookTargets
{
    /// <summary>Why the URL cannot be a webhook's target, or null with the parsed URL.</summary>
    public static string? Problem(string? url, out Uri? target)
    {
        target = null;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed))
        {
            return "Give an absolute URL.";
        }

        if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
        {
            return "Only http and https URLs can receive webhooks.";
        }

        if (!string.IsNullOrEmpty(parsed.UserInfo))
        {
            return "A webhook URL cannot carry a user name or password; sign with the secret instead.";
        }

        target = parsed;
        return null;
    }

    /// <summary>Why the host's addresses are refused (any private one refuses it), or null.</summary>
    public static async Task<string?> AddressProblemAsync(Uri target, CancellationToken cancellation)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(target.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(target.IdnHost, cancellation);
        }
        catch (SocketException)
        {
            return $"The host '{target.Host}' does not resolve.";
        }

        if (addresses.Length == 0)
        {
            return $"The host '{target.Host}' does not resolve.";
        }

        return addresses.FirstOrDefault(address => !IsPublic(address)) is { } refused
            ? $"The host '{target.Host}' is at {refused}, a loopback, link-local or private address."
            : null;
    }

    /// <summary>False for loopback, link-local, private, shared, unspecified, multicast and reserved addresses, also inside IPv6.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] < 128)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] < 32)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19)));
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        var embedsV4 = bytes[..12].All(value => value == 0) && !IPAddress.IPv6Loopback.Equals(address) && !IPAddress.IPv6Any.Equals(address);
        if (embedsV4 || (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b))
        {
            // IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses reach the IPv4 address inside.
            return IsPublic(new IPAddress(bytes[12..]));
        }

        return !(IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6Any.Equals(address)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
            || address.IsIPv6Teredo || (bytes[0] == 0x20 && bytes[1] == 0x02) || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && bytes[3] == 0xb8));
    }
}
