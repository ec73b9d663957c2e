using System.Buffers;
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

    public static async Task WriteAsync(HttpResponse response, SseFrame frame, CancellationToken cancellation) =>
        await response.BodyWriter.WriteAsync(frame.Bytes, cancellation);

    /// <summary>
    /// Writes the frame <paramref name="frameOf"/> gives for each message (null: skip it) until the client goes away
    /// or the process begins to stop, flushing once per wake-up. The listener's keep-alive messages keep the stream
    /// open, so this loop needs no timer of its own, and it waits on the listener without a cancellation token (the
    /// end completes the listener instead): a message costs its listener no allocation but its write.
    /// </summary>
    public static async Task PumpFramesAsync<TMessage>(HttpContext context, FanOutListener<TMessage> listener, Func<TMessage, SseFrame?> frameOf)
    {
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        // Not inline: the listener runs its reader synchronously, and this one must not finish its request inside the
        // callback that aborts it.
        using var registration = ended.Token.UnsafeRegister(
            static state => ThreadPool.UnsafeQueueUserWorkItem(static l => l.End(), (FanOutListener<TMessage>)state!, preferLocal: false), listener);
        var body = context.Response.BodyWriter;
        var messages = listener.Updates;
        try
        {
            while (await messages.WaitToReadAsync())
            {
                var written = false;
                while (messages.TryRead(out var message))
                {
                    if (frameOf(message) is { } frame)
                    {
                        body.Write(frame.Bytes.Span);
                        written = true;
                    }
                }

                if (written && await body.FlushAsync(ended.Token) is { IsCompleted: true } or { IsCanceled: true })
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The listener went away.
        }
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
