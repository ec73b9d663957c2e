using Moderation.Client.Http;
using Moderation.Http.Polls;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Moderation.Client.Polls;

/// <summary>Draws a poll's results as horizontal bars labelled with the option texts.</summary>
internal static class PollBars
{
    private static readonly Color[] Palette = [Color.Green, Color.Blue, Color.Yellow, Color.Fuchsia, Color.Aqua, Color.Orange1, Color.Red, Color.Purple, Color.Lime, Color.Silver];

    public static IRenderable Render(PollResponse poll, PollResultsResponse results, int width)
    {
        var chart = new BarChart().Width(Math.Clamp(width, 20, 100)).ShowValues();
        for (var index = 0; index < poll.Options.Count; index++)
        {
            var option = poll.Options[index];
            var votes = results.Options.FirstOrDefault(o => o.Id == option.Id)?.Votes ?? 0;
            chart.AddItem(Markup.Escape($"{option.Text} ({Share(votes, results.TotalVotes)})"), votes, Palette[index % Palette.Length]);
        }

        var header = new Markup(
            $"[bold]{Markup.Escape(poll.Question)}[/]\n{results.TotalVotes:N0} vote(s), {Markup.Escape(results.Status)}, version {results.Version}, as of {results.AsOf:HH:mm:ss.fff}");
        return new Rows(header, chart);
    }

    /// <summary>One line per update, for consoles that cannot redraw (pipes, logs, tests).</summary>
    public static string Line(PollResponse poll, PollResultsResponse results) =>
        $"v{results.Version} {results.Status} total {results.TotalVotes}: " + string.Join(", ", poll.Options.Select(option =>
            $"{option.Text} {results.Options.FirstOrDefault(o => o.Id == option.Id)?.Votes ?? 0}"));

    private static string Share(long votes, long total) => total == 0 ? "0%" : $"{100.0 * votes / total:0.#}%";
}
