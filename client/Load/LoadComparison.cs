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
        table.AddRow("Throughput/s", $"{Baseline.Throughput:N1}", $"{Run.Throughput:N1}", $"{ThroughputRatio:G3}");
        table.AddRow("p50 ms", $"{Baseline.LatencyMs.P50:0.###}", $"{Run.LatencyMs.P50:0.###}", $"{P50Ratio:0.##}x");
        table.AddRow("p99 ms", $"{Baseline.LatencyMs.P99:0.###}", $"{Run.LatencyMs.P99:0.###}", $"{P99Ratio:0.##}x");
        console.Write(table);
    }

    /// <summary>Three significant digits, at least three decimals: a comment run's ratio may be 0.0004, which must not print as 0.</summary>
    private static double Ratio(double value, double reference)
    {
        var ratio = reference > 0 ? value / reference : 0;
        return ratio > 0 ? Math.Round(ratio, Math.Clamp(2 - (int)Math.Floor(Math.Log10(ratio)), 3, 15)) : 0;
    }
}
