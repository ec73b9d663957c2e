using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Moderation.Api.Events;

/// <summary>
/// A live stream of numbered, kept events: first the kept ones after the id the client last saw (<c>Last-Event-ID</c>),
/// then <c>event: ready</c> with the newest id, then each event as it happens on any silo, with its <c>id:</c> and its
/// type as the event name. Events from several silos can arrive slightly out of id order; they are passed on as they come.
/// </summary>
public abstract class ResumableEventStream<TEvent>(long? lastEventId, TimeSpan keepAlive) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        EventStreamWriter.Start(response);

        // Subscribe before reading what was kept, so that no event falls between the two; an event in both is sent once.
        await using var listener = await ListenAsync();
        var replayed = new HashSet<long>();
        if (lastEventId is { } after)
        {
            foreach (var kept in await KeptAfterAsync(after))
            {
                await WriteAsync(response, kept, context.RequestAborted);
                replayed.Add(IdOf(kept));
            }
        }

        var newest = Math.Max(await LastIdAsync(), replayed.Count > 0 ? replayed.Max() : 0);
        await response.WriteAsync($"event: ready\ndata: {{\"lastEventId\":{newest.ToString(CultureInfo.InvariantCulture)}}}\n\n", context.RequestAborted);
        await response.Body.FlushAsync(context.RequestAborted);

        await EventStreamWriter.PumpAsync(context, listener.Updates, keepAlive, async (message, cancellation) =>
        {
            if (!replayed.Remove(IdOf(message)))
            {
                await WriteAsync(response, message, cancellation);
            }
        });
    }

    /// <summary>Subscribes to the events as they happen.</summary>
    protected abstract Task<FanOutListener<TEvent>> ListenAsync();

    /// <summary>The kept events after <paramref name="afterId"/>, oldest first.</summary>
    protected abstract Task<IReadOnlyList<TEvent>> KeptAfterAsync(long afterId);

    /// <summary>The newest id given so far.</summary>
    protected abstract Task<long> LastIdAsync();

    protected abstract long IdOf(TEvent message);

    /// <summary>The event's JSON, whose <c>type</c> names the event.</summary>
    protected abstract string JsonOf(TEvent message);

    private async Task WriteAsync(HttpResponse response, TEvent message, CancellationToken cancellation)
    {
        var json = JsonOf(message);
        var type = JsonDocument.Parse(json).RootElement.GetProperty("type").GetString();
        await response.WriteAsync($"id: {IdOf(message).ToString(CultureInfo.InvariantCulture)}\nevent: {type}\ndata: {json}\n\n", cancellation);
        await response.Body.FlushAsync(cancellation);
    }
}
