using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Moderation.Api.Events;
using Moderation.Contracts.Polls;

namespace Moderation.Api.Polls;

/// <summary>The SSE response of one poll listener: the current results first, then each newer version.</summary>
public sealed class PollEventStream(string pollId, PollEventsHub hub, PollResultsReader results, TimeSpan keepAlive) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        EventStreamWriter.Start(response);

        // Subscribe before reading the current results, so that no publication falls between the two.
        await using var listener = await hub.ListenAsync(pollId);
        var current = await results.ReadJsonAsync(pollId);
        var sentVersion = 0L;
        if (current is not null)
        {
            sentVersion = VersionOf(current);
            await EventStreamWriter.WriteAsync(response, "results", current, context.RequestAborted);
        }

        await EventStreamWriter.PumpAsync(context, listener.Updates, keepAlive, async (update, cancellation) =>
        {
            if (update.Version > sentVersion)
            {
                sentVersion = update.Version;
                await EventStreamWriter.WriteAsync(response, "results", update.Json, cancellation);
            }
        });
    }

    private static long VersionOf(string json) => JsonSerializer.Deserialize<PollResults>(json, PollResultsJson.Options)?.Version ?? 0;
}
