using System.Globalization;
using Moderation.Http.Model;
using Spectre.Console;

namespace Moderation.Client.Model;

/// <summary>How a retrain job reads on the console: its progress lines and its report.</summary>
internal static class RetrainOutput
{
    public static void Progress(IAnsiConsole console, RetrainJobResponse job) =>
        console.MarkupLineInterpolated($"  {job.Status} {job.Stage ?? ""} {job.Progress.ToString("P0", CultureInfo.InvariantCulture)}");

    public static void Report(IAnsiConsole console, RetrainJobResponse job)
    {
        if (job.Status == "failed")
        {
            console.MarkupLineInterpolated($"[red]Retrain {job.Id} failed:[/] {job.Error ?? job.Report?.Reason ?? "no reason given"}");
            return;
        }

        console.MarkupLineInterpolated($"Retrain [bold]{job.Id}[/] {job.Status} on {job.Labels:N0} labels in {Duration(job)}");
        if (job.Report is not { } report)
        {
            return;
        }

        var table = new Table().AddColumns("model", "version", "held-out ROC-AUC", "threshold", "precision", "recall", "clean held", "rows (toxic)");
        AddRow(table, "current", report.Current);
        AddRow(table, "candidate", report.Candidate);
        console.Write(table);
        if (report.Promoted)
        {
            console.MarkupLineInterpolated($"[green]Promoted[/] {report.Candidate?.Version}: {report.Reason}");
        }
        else
        {
            console.MarkupLineInterpolated($"[yellow]Not promoted:[/] {report.Reason}");
        }
    }

    private static void AddRow(Table table, string name, FiguresResponse? figures)
    {
        if (figures is null)
        {
            table.AddRow(name, "-", "-", "-", "-", "-", "-", "-");
            return;
        }

        table.AddRow(
            name, Markup.Escape(figures.Version ?? "-"), F(figures.RocAuc), F(figures.Threshold), F(figures.Precision), F(figures.Recall),
            Percent(figures.CleanHeld),
            string.Create(CultureInfo.InvariantCulture, $"{figures.Rows:N0} ({figures.Toxic:N0})"));
    }

    private static string Duration(RetrainJobResponse job) =>
        job is { StartedAt: { } started, FinishedAt: { } finished }
            ? (finished - started).TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture)
            : "-";

    public static string F(double? value) => value is { } known && !double.IsNaN(known) ? known.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    public static string Percent(double? value) => value is { } known && !double.IsNaN(known) ? known.ToString("P1", CultureInfo.InvariantCulture) : "n/a";
}
