using System.CommandLine;
using Moderation.Client.Http;
using Spectre.Console;

namespace Moderation.Client.Polls;

/// <summary><c>polls timeline</c> and <c>polls export</c>: an editor's view of how a poll's vote moved.</summary>
internal static class AnalyticsCommands
{
    public static Command Timeline(ClientHost host)
    {
        var pollId = PollsCommands.PollIdArgument();
        var bucket = new Option<string>("--bucket") { Description = "1m (per minute) or 1h (per hour)", DefaultValueFactory = _ => "1m" };
        var command = new Command("timeline", "Votes per option per minute or hour (editor)") { pollId, bucket };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var size = parse.GetValue(bucket)!;
            if (size is not ("1m" or "1h"))
            {
                throw new UsageException($"--bucket is 1m or 1h, not '{size}'.");
            }

            var api = host.CreateApi(parse);
            using var http = api.Http;
            var poll = await api.GetPollAsync(parse.GetValue(pollId)!, cancellationToken);
            var timeline = await api.GetTimelineAsync(poll.Id, size, cancellationToken);
            host.Console.MarkupLineInterpolated($"[bold]{poll.Question}[/]: votes per {(timeline.Bucket == "1h" ? "hour" : "minute")} (UTC)");
            if (timeline.Buckets.Count == 0)
            {
                host.Console.WriteLine("No votes yet.");
                return 0;
            }

            var table = new Table().AddColumn("Start").AddColumn(new TableColumn("Total").RightAligned());
            foreach (var option in poll.Options)
            {
                table.AddColumn(new TableColumn(Markup.Escape(option.Text)).RightAligned());
            }

            foreach (var row in timeline.Buckets)
            {
                var cells = new List<string> { row.Start.UtcDateTime.ToString("yyyy-MM-dd HH:mm"), row.Total.ToString() };
                cells.AddRange(poll.Options.Select(option => (row.Options.FirstOrDefault(votes => votes.Id == option.Id)?.Votes ?? 0).ToString()));
                table.AddRow([.. cells.Select(cell => new Text(cell))]);
            }

            host.Console.Write(table);
            return 0;
        }));
        return command;
    }

    public static Command Export(ClientHost host)
    {
        var pollId = PollsCommands.PollIdArgument();
        var command = new Command("export", "The poll's totals and per-minute timeline as CSV on standard output (editor)") { pollId };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            await host.Out.WriteAsync(await api.ExportPollAsync(parse.GetValue(pollId)!, cancellationToken));
            await host.Out.FlushAsync(cancellationToken);
            return 0;
        }));
        return command;
    }
}
