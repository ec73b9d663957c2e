using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Moderation.Testing;

namespace Moderation.Api.Tests.Webhooks;

/// <summary>
/// A news site's endpoint on loopback: records every delivery it gets, answers 503 to the first
/// <see cref="FailFirst"/> requests, and checks signatures the way docs/webhooks.md tells a receiver to.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _seen;

    private WebhookReceiver(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>How many requests get 503 before the receiver accepts.</summary>
    public int FailFirst { get; set; }

    /// <summary>How long the receiver takes before it answers each request: a slow receiver.</summary>
    public TimeSpan Delay { get; set; }

    public ConcurrentQueue<Received> Accepted { get; } = new();

    public ConcurrentQueue<Received> Refused { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var port = TestPorts.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, new Uri($"http://127.0.0.1:{port}/hooks/moderation"));
        app.MapPost("/hooks/moderation", receiver.HandleAsync);
        await app.StartAsync();
        return receiver;
    }

    /// <summary>Waits until <paramref name="count"/> deliveries were accepted.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(30));
        while (Accepted.Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{Accepted.Count} of {count} deliveries arrived in time ({Refused.Count} refused).");
            await Task.Delay(50);
        }

        return [.. Accepted];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, request.HttpContext.RequestAborted);
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var received = new Received(
            request.Headers["X-Moderation-Delivery"].ToString(),
            request.Headers["X-Moderation-Event"].ToString(),
            request.Headers["X-Moderation-Timestamp"].ToString(),
            request.Headers["X-Moderation-Signature"].ToString(),
            await reader.ReadToEndAsync());
        if (Interlocked.Increment(ref _seen) <= FailFirst)
        {
            Refused.Enqueue(received);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        Accepted.Enqueue(received);
        return Results.NoContent();
    }

    /// <summary>One delivery as it arrived.</summary>
    public sealed record Received(string DeliveryId, string EventType, string Timestamp, string Signature, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        /// <summary>The receiver's check: HMAC-SHA256 of "timestamp.body" with the secret, hex, after "sha256=".</summary>
        public bool SignedWith(string secret)
        {
            var expected = "sha256=" + Convert.ToHexStringLower(
                HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(Timestamp + "." + Body)));
            return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Signature));
        }
    }
}
