using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Moderation.Api.Events;
using Moderation.Redis.ModerationFeed;

namespace Moderation.Api.ModerationStream;

/// <summary>
/// One moderator's live stream: first the kept events after the id the client last saw (<c>Last-Event-ID</c>), then
/// <c>event: ready</c> with the newest id, then every event as it happens, each with its <c>id:</c> and its type as the
/// event name. Events from several silos can arrive slightly out of id order; the stream passes them on as they come.
/// </summary>
public sealed class ModerationEventStream(long? lastEventId, ModerationEventsHub hub, FeedRecords records, TimeSpan keepAlive) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        EventStreamWriter.Start(response);

        // Subscribe before reading what was kept, so that no event falls between the two; an event in both is sent once.
        await using var listener = await hub.ListenAsync();
        var replayed = new HashSet<long>();
        if (lastEventId is { } after)
        {
            foreach (var kept in await records.AfterAsync(after))
            {
                await WriteAsync(response, kept, context.RequestAborted);
                replayed.Add(kept.Id);
            }
        }

        var newest = Math.Max(await records.LastIdAsync(), replayed.Count > 0 ? replayed.Max() : 0);
        await response.WriteAsync($"event: ready\ndata: {{\"lastEventId\":{newest.ToString(CultureInfo.InvariantCulture)}}}\n\n", context.RequestAborted);
        await response.Body.FlushAsync(context.RequestAborted);

        await EventStreamWriter.PumpAsync(context, listener.Updates, keepAlive, async (message, cancellation) =>
        {
            if (!replayed.Remove(message.Id))
            {
                await WriteAsync(response, message, cancellation);
            }
        });
    }

    private static async Task WriteAsync(HttpResponse response, FeedEvent message, CancellationToken cancellation)
    {
        var type = JsonDocument.Parse(message.Json).RootElement.GetProperty("type").GetString();
        await response.WriteAsync($"id: {message.Id.ToString(CultureInfo.InvariantCulture)}\nevent: {type}\ndata: {message.Json}\n\n", cancellation);
        await response.Body.FlushAsync(cancellation);
    }
}
