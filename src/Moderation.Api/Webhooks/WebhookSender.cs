using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Moderation.Redis.Webhooks;

namespace Moderation.Api.Webhooks;

/// <summary>
/// Posts one delivery. Connections go only to the addresses the target's name resolves to at that moment, each checked
/// (unless private targets are allowed), so a name that later points into the service's network is refused; redirects
/// are not followed.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _client;
    private readonly WebhookSecrets _secrets;
    private readonly TimeProvider _clock;

    public WebhookSender(IOptions<WebhookOptions> options, WebhookSecrets secrets, TimeProvider clock)
    {
        _secrets = secrets;
        _clock = clock;
        var allowPrivate = options.Value.AllowPrivateTargets;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, cancellation) => ConnectAsync(context.DnsEndPoint, allowPrivate, cancellation),
        };
        _client = new HttpClient(handler) { Timeout = options.Value.DeliveryTimeout };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("Moderation-Webhooks/1");
    }

    /// <summary>The outcome of one attempt: success on a 2xx answer.</summary>
    public sealed record Outcome(bool Delivered, int? StatusCode, string? Error);

    public async Task<Outcome> SendAsync(WebhookRecord hook, DeliveryRecord delivery, CancellationToken cancellation)
    {
        string secret;
        try
        {
            secret = _secrets.Open(hook);
        }
        catch (CryptographicException)
        {
            return new Outcome(false, null, "The webhook's secret was sealed under another signing key (Auth:SigningKey changed); register the webhook again.");
        }

        var timestamp = _clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, delivery.Payload));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id);
        request.Headers.Add(WebhookSignature.EventHeader, delivery.EventType);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? new Outcome(true, status, null) : new Outcome(false, status, $"The receiver answered {status}.");
        }
        catch (HttpRequestException error)
        {
            return new Outcome(false, null, error.InnerException is TargetRefusedException refused ? refused.Message : error.Message);
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new Outcome(false, null, "The receiver did not answer in time.");
        }
    }

    public void Dispose() => _client.Dispose();

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken cancellation)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, cancellation);
        if (!allowPrivate && addresses.FirstOrDefault(address => !WebhookTargets.IsPublic(address)) is { } refused)
        {
            throw new TargetRefusedException($"The host '{endpoint.Host}' is at {refused}, a loopback, link-local or private address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class TargetRefusedException(string message) : Exception(message);
}
