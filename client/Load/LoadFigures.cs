using System.Text.Json;
using System.Text.Json.Serialization;
using HdrHistogram;
using Moderation.Client.Http;
using Spectre.Console;

namespace Moderation.Client.Load;

/// <summary>The figures of one load run, as printed and as written by <c>--json</c>.</summary>
public sealed record LoadFigures(
    string Kind,
    IReadOnlyList<string> Urls,
    int Readers,
    double DurationSeconds,
    double ElapsedSeconds,
    long Requests,
    long Errors,
    double Throughput,
    LatencyFigures LatencyMs,
    IReadOnlyDictionary<string, long> ErrorsByStatus)
{
    /// <summary>The votes check, for <c>load votes</c>: null for other kinds.</summary>
    public VoteCheck? Check { get; init; }

    /// <summary>The comments check, for <c>load comments</c>: null for other kinds.</summary>
    public CommentCheck? Comments { get; init; }

    /// <summary>Requests the service refused with 429 (rate limited): counted in <see cref="Requests"/>, not in errors or latency.</summary>
    public long RateLimited { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    internal static LoadFigures From(string kind, LoadSettings settings, long requests, long errors, TimeSpan elapsed, LongHistogram latency, IReadOnlyDictionary<string, long> byStatus) => new(
        kind,
        settings.Urls.Select(url => url.ToString()).ToList(),
        settings.Readers,
        settings.Duration.TotalSeconds,
        Math.Round(elapsed.TotalSeconds, 3),
        requests,
        errors,
        elapsed > TimeSpan.Zero ? Math.Round(requests / elapsed.TotalSeconds, 1) : 0,
        LatencyFigures.From(latency),
        byStatus.OrderBy(pair => pair.Key, StringComparer.Ordinal).ToDictionary(pair => pair.Key, pair => pair.Value));

    public Table ToTable()
    {
        var table = new Table().Title($"load {Kind}").AddColumns("Requests", "Throughput/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "Errors");
        foreach (var column in table.Columns.Take(6))
        {
            column.RightAligned();
        }

        var row = new List<string>
        {
            $"{Requests:N0}",
            $"{Throughput:N1}",
            $"{LatencyMs.P50:0.###}",
            $"{LatencyMs.P90:0.###}",
            $"{LatencyMs.P99:0.###}",
            $"{LatencyMs.Max:0.###}",
            Markup.Escape(ErrorsByStatus.Count == 0 ? "none" : string.Join(", ", ErrorsByStatus.Select(pair => $"{pair.Key}: {pair.Value:N0}"))),
        };
        if (RateLimited > 0 || Comments is not null)
        {
            table.AddColumn(new TableColumn("Rate limited (429)").RightAligned());
            row.Add($"{RateLimited:N0}");
        }

        table.AddRow(row.ToArray());
        table.Caption($"{Readers} reader(s) for {ElapsedSeconds:0.##} s against {string.Join(", ", Urls)}");
        return table;
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}

/// <summary>Latency percentiles in milliseconds (recorded in microseconds, 3 significant digits).</summary>
public sealed record LatencyFigures(double P50, double P90, double P99, double Max, double Mean)
{
    internal static LatencyFigures From(HistogramBase latency) => latency.TotalCount == 0
        ? new LatencyFigures(0, 0, 0, 0, 0)
        : new LatencyFigures(
            Milliseconds(latency.GetValueAtPercentile(50)),
            Milliseconds(latency.GetValueAtPercentile(90)),
            Milliseconds(latency.GetValueAtPercentile(99)),
            Milliseconds(latency.GetMaxValue()),
            Math.Round(latency.GetMean() / 1000.0, 3));

    private static double Milliseconds(long microseconds) => Math.Round(microseconds / 1000.0, 3);
}

/// <summary>
/// Whether the poll's final results equal the results before the run plus the votes the service acknowledged
/// (<c>counted</c> or <c>changed</c>, or a repeat's <c>unchanged</c> after an unanswered first try). Results come from
/// the service's cache, so the check waits up to 2 s for them to settle. <see cref="Uncertain"/> votes failed without an answer: the service may have counted them.
/// </summary>
public sealed record VoteCheck(
    string PollId,
    IReadOnlyDictionary<string, string> OptionTexts,
    bool Match,
    IReadOnlyDictionary<string, long> Expected,
    IReadOnlyDictionary<string, long> Actual,
    long Acknowledged,
    long Uncertain,
    long UnexpectedOutcomes)
{
    public string Verdict => Match ? "MATCH" : "MISMATCH";

    public void Write(IAnsiConsole console)
    {
        var table = new Table().Title($"poll {PollId}").AddColumns("Option", "Acknowledged", "Results");
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        foreach (var option in Expected.Keys.Union(Actual.Keys))
        {
            var label = OptionTexts.TryGetValue(option, out var text) ? $"{text} ({option})" : option;
            table.AddRow(Markup.Escape(label), $"{Expected.GetValueOrDefault(option):N0}", $"{Actual.GetValueOrDefault(option):N0}");
        }

        console.Write(table);
        console.MarkupLine(Match
            ? $"[green]MATCH[/]: the results hold exactly the {Acknowledged:N0} acknowledged vote(s)."
            : $"[red]MISMATCH[/]: the results differ from the {Acknowledged:N0} acknowledged vote(s); {Uncertain:N0} vote(s) failed without an answer.");
        if (UnexpectedOutcomes > 0)
        {
            console.MarkupLine($"[red]{UnexpectedOutcomes:N0} repeated vote(s) were not 'unchanged'.[/]");
        }
    }
}
