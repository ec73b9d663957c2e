using Microsoft.AspNetCore.Http;
using Moderation.Api.Events;

namespace Moderation.Api.Polls;

/// <summary>
/// The SSE response of one poll listener: the current results first, then each newer version; only those whose status
/// <paramref name="shows"/> accepts (an after-close poll's results reach its readers once it is closed).
/// </summary>
public sealed class PollEventStream(string pollId, PollEventsHub hub, PollResultsReader results, Func<string?, bool> shows) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        EventStreamWriter.Start(response);

        // Subscribe before reading the current results, so that no publication falls between the two.
        await using var listener = await hub.ListenAsync(pollId);
        var current = await results.ReadJsonAsync(pollId);
        var sentVersion = 0L;
        if (current is not null && ResultsUpdate.Of(current) is var update && shows(update.Status))
        {
            sentVersion = update.Version;
            await EventStreamWriter.WriteAsync(response, update.Frame, context.RequestAborted);
        }

        await EventStreamWriter.PumpFramesAsync(context, listener, update =>
        {
            if (update.IsKeepAlive)
            {
                return update.Frame;
            }

            if (update.Version <= sentVersion || !shows(update.Status))
            {
                return null;
            }

            sentVersion = update.Version;
            return update.Frame;
        });
    }
}
