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
        var rows = Rows(poll, results);
        // Shares are of the voters: a multiple-choice voter counts once under each option they chose.
        var voters = poll.Kind == "single" ? results.TotalVotes : results.Voters;
        for (var index = 0; index < rows.Count; index++)
        {
            chart.AddItem(Markup.Escape($"{rows[index].Text} ({Share(rows[index].Votes, voters)})"), rows[index].Votes, Palette[index % Palette.Length]);
        }

        var average = results.Mean is { } mean ? $", mean {mean}, median {results.Median}" : "";
        var header = new Markup(
            $"[bold]{Markup.Escape(poll.Question)}[/]\n{results.TotalVotes:N0} vote(s), {results.Voters:N0} voter(s){average}, {Markup.Escape(results.Status)}, version {results.Version}, as of {results.AsOf:HH:mm:ss.fff}");
        return new Rows(header, chart);
    }

    /// <summary>One line per update, for consoles that cannot redraw (pipes, logs, tests).</summary>
    public static string Line(PollResponse poll, PollResultsResponse results) =>
        $"v{results.Version} {results.Status} total {results.TotalVotes}: " + string.Join(", ", Rows(poll, results).Select(row => $"{row.Text} {row.Votes}"))
        + (results.Mean is { } mean ? $"; mean {mean}, median {results.Median}" : "");

    /// <summary>The options with their votes, or a scale's values with theirs.</summary>
    private static List<(string Text, long Votes)> Rows(PollResponse poll, PollResultsResponse results) =>
        results.Histogram is { } histogram
            ? [.. histogram.Select(value => (value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), value.Votes))]
            : [.. poll.Options.Select(option => (option.Text, results.Options.FirstOrDefault(o => o.Id == option.Id)?.Votes ?? 0))];

    private static string Share(long votes, long total) => total == 0 ? "0%" : $"{100.0 * votes / total:0.#}%";
}
