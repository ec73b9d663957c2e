using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Moderation.Api.Events;

/// <summary>
/// The text/event-stream side shared by every live endpoint: headers, one event at a time, and a comment line
/// whenever nothing was sent for a keep-alive interval so that proxies keep the connection open.
/// </summary>
public static class EventStreamWriter
{
    public static void Start(HttpResponse response)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
    }

    public static async Task WriteAsync(HttpResponse response, string eventName, string json, CancellationToken cancellation)
    {
        await response.WriteAsync($"event: {eventName}\ndata: {json}\n\n", cancellation);
        await response.Body.FlushAsync(cancellation);
    }

    /// <summary>
    /// Hands each message to <paramref name="send"/> until the client goes away or the process begins to stop,
    /// keeping the stream alive meanwhile. Ending the stream at shutdown lets a stopping silo exit at once (instead
    /// of waiting out the shutdown timeout) and the client's EventSource reconnect to another silo.
    /// </summary>
    public static async Task PumpAsync<TMessage>(
        HttpContext context, ChannelReader<TMessage> messages, TimeSpan keepAlive, Func<TMessage, CancellationToken, Task> send)
    {
        var response = context.Response;
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var cancellation = ended.Token;
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                wait.CancelAfter(keepAlive);
                TMessage message;
                try
                {
                    message = await messages.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    await response.WriteAsync(": keep-alive\n\n", cancellation);
                    await response.Body.FlushAsync(cancellation);
                    continue;
                }

                await send(message, cancellation);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The listener went away.
        }
    }
}
