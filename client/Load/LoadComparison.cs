using Spectre.Console;

namespace Moderation.Client.Load;

/// <summary>
/// A run (votes, comments) against the baseline from one tool in one run with identical settings: the ratios the
/// benchmarks doc quotes. A throughput ratio of 0.25 means the run went at a quarter of the rate of the cheapest
/// request the service answers.
/// </summary>
public sealed record LoadComparison(LoadFigures Baseline, LoadFigures Run)
{
    public double ThroughputRatio => Ratio(Run.Throughput, Baseline.Throughput);

    public double P50Ratio => Ratio(Run.LatencyMs.P50, Baseline.LatencyMs.P50);

    public double P99Ratio => Ratio(Run.LatencyMs.P99, Baseline.LatencyMs.P99);

    public void Write(IAnsiConsole console)
    {
        var table = new Table().Title($"{Run.Kind} / baseline").AddColumns("", "Baseline", Run.Kind, "Ratio");
        table.AddRow("Throughput/s", $"{Baseline.Throughput:N1}", $"{Run.Throughput:N1}", $"{ThroughputRatio:0.###}");
        table.AddRow("p50 ms", $"{Baseline.LatencyMs.P50:0.###}", $"{Run.LatencyMs.P50:0.###}", $"{P50Ratio:0.##}x");
        table.AddRow("p99 ms", $"{Baseline.LatencyMs.P99:0.###}", $"{Run.LatencyMs.P99:0.###}", $"{P99Ratio:0.##}x");
        console.Write(table);
    }

    private static double Ratio(double value, double reference) => reference > 0 ? Math.Round(value / reference, 3) : 0;
}
