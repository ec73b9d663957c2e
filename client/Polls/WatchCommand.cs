using System.CommandLine;
using Moderation.Client.Http;
using Spectre.Console;

namespace Moderation.Client.Polls;

/// <summary>
/// <c>polls watch</c>: follows a poll's <c>text/event-stream</c> and redraws its bars on every <c>results</c> event,
/// until Ctrl+C, <c>--seconds</c>, or the server ends the stream. On a console that cannot redraw it prints a line per event.
/// </summary>
internal static class WatchCommand
{
    public static Command Create(ClientHost host)
    {
        var pollId = PollsCommands.PollIdArgument();
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this many seconds (default: until Ctrl+C)" };
        seconds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is <= 0)
            {
                result.AddError("--seconds must be positive.");
            }
        });

        var command = new Command("watch", "Watch a poll's results live, as moving bars") { pollId, seconds };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            // The stream stays open for as long as we watch: no client timeout, only our own.
            var api = host.CreateApi(parse, Timeout.InfiniteTimeSpan);
            using var http = api.Http;
            var poll = await api.GetPollAsync(parse.GetValue(pollId)!, cancellationToken);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (parse.GetValue(seconds) is { } limit)
            {
                stop.CancelAfter(TimeSpan.FromSeconds(limit));
            }

            var updates = 0;
            try
            {
                if (host.Console.Profile.Capabilities.Interactive)
                {
                    await host.Console.Live(new Markup($"Connecting to {Markup.Escape(poll.Id)}...")).StartAsync(async live =>
                    {
                        await foreach (var results in api.WatchResultsAsync(poll.Id, stop.Token))
                        {
                            updates++;
                            live.UpdateTarget(PollBars.Render(poll, results, host.Console.Profile.Width));
                        }
                    });
                }
                else
                {
                    await foreach (var results in api.WatchResultsAsync(poll.Id, stop.Token))
                    {
                        updates++;
                        host.Console.WriteLine(PollBars.Line(poll, results));
                    }
                }

                host.Console.MarkupLineInterpolated($"[yellow]The server ended the stream[/] after {updates} update(s).");
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                host.Console.MarkupLineInterpolated($"Stopped after {updates} update(s).");
            }

            return 0;
        }));
        return command;
    }
}
