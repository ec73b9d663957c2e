using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Moderation.Contracts.Polls;

namespace Moderation.Api.Polls;

/// <summary>
/// The SSE response of one listener: the current results first, then each newer version, and a comment line
/// whenever nothing was sent for a keep-alive interval so that proxies keep the connection open.
/// </summary>
public sealed class PollEventStream(string pollId, PollEventsHub hub, PollResultsReader results, TimeSpan keepAlive) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        var cancellation = context.RequestAborted;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";

        // Subscribe before reading the current results, so that no publication falls between the two.
        await using var listener = await hub.ListenAsync(pollId);
        var current = await results.ReadJsonAsync(pollId);
        var sentVersion = 0L;
        if (current is not null)
        {
            sentVersion = VersionOf(current);
            await WriteResultsAsync(response, current, cancellation);
        }

        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                wait.CancelAfter(keepAlive);
                ResultsUpdate update;
                try
                {
                    update = await listener.Updates.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    await response.WriteAsync(": keep-alive\n\n", cancellation);
                    await response.Body.FlushAsync(cancellation);
                    continue;
                }

                if (update.Version > sentVersion)
                {
                    sentVersion = update.Version;
                    await WriteResultsAsync(response, update.Json, cancellation);
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The listener went away.
        }
    }

    private static async Task WriteResultsAsync(HttpResponse response, string json, CancellationToken cancellation)
    {
        await response.WriteAsync($"event: results\ndata: {json}\n\n", cancellation);
        await response.Body.FlushAsync(cancellation);
    }

    private static long VersionOf(string json) => JsonSerializer.Deserialize<PollResults>(json, PollResultsJson.Options)?.Version ?? 0;
}
