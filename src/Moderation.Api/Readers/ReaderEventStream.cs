using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Moderation.Api.Events;
using Moderation.Redis.Readers;

namespace Moderation.Api.Readers;

/// <summary>
/// One reader's notices, live: first the kept ones after the id the client last saw (<c>Last-Event-ID</c>), then
/// <c>event: ready</c> with the newest id, then each notice as it happens on any silo, with its <c>id:</c> and its
/// type as the event name.
/// </summary>
public sealed class ReaderEventStream(string readerId, long? lastEventId, ReaderEventsHub hub, ReaderNotices notices, TimeSpan keepAlive) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        EventStreamWriter.Start(response);

        // Subscribe before reading what was kept, so that no notice falls between the two; one in both is sent once.
        await using var listener = await hub.ListenAsync(readerId);
        var replayed = new HashSet<long>();
        if (lastEventId is { } after)
        {
            foreach (var kept in await notices.AfterAsync(readerId, after))
            {
                await WriteAsync(response, kept, context.RequestAborted);
                replayed.Add(kept.Id);
            }
        }

        var newest = Math.Max(await notices.LastIdAsync(readerId), replayed.Count > 0 ? replayed.Max() : 0);
        await response.WriteAsync($"event: ready\ndata: {{\"lastEventId\":{newest.ToString(CultureInfo.InvariantCulture)}}}\n\n", context.RequestAborted);
        await response.Body.FlushAsync(context.RequestAborted);

        await EventStreamWriter.PumpAsync(context, listener.Updates, keepAlive, async (notice, cancellation) =>
        {
            if (!replayed.Remove(notice.Id))
            {
                await WriteAsync(response, notice, cancellation);
            }
        });
    }

    private static async Task WriteAsync(HttpResponse response, ReaderNotice notice, CancellationToken cancellation)
    {
        var type = JsonDocument.Parse(notice.Json).RootElement.GetProperty("type").GetString();
        await response.WriteAsync($"id: {notice.Id.ToString(CultureInfo.InvariantCulture)}\nevent: {type}\ndata: {notice.Json}\n\n", cancellation);
        await response.Body.FlushAsync(cancellation);
    }
}
