using System.Globalization;
using System.Text;
using Spectre.Console;

namespace Moderation.Client.Model.Simulation;

/// <summary>A simulation's learning curve as a console table and as a Markdown table for the docs.</summary>
internal static class LearningCurveOutput
{
    private static readonly string[] Columns =
        ["labels", "retrain", "promoted", "held-out ROC-AUC (job)", "model", "ROC-AUC on the rest", "threshold", "precision", "recall", "clean held"];

    public static void Write(IAnsiConsole console, IReadOnlyList<LearningCurvePoint> points)
    {
        var table = new Table().AddColumns(Columns);
        foreach (var point in points)
        {
            table.AddRow(Cells(point).Select(Markup.Escape).ToArray());
        }

        console.Write(table);
    }

    public static string Markdown(IReadOnlyList<LearningCurvePoint> points, string title)
    {
        var text = new StringBuilder();
        text.AppendLine(title).AppendLine();
        text.Append("| ").AppendJoin(" | ", Columns).AppendLine(" |");
        text.Append('|').Append(string.Concat(Enumerable.Repeat("---|", Columns.Length))).AppendLine();
        foreach (var point in points)
        {
            text.Append("| ").AppendJoin(" | ", Cells(point)).AppendLine(" |");
        }

        return text.ToString();
    }

    private static IEnumerable<string> Cells(LearningCurvePoint point) =>
    [
        point.Labels.ToString("N0", CultureInfo.InvariantCulture),
        point.JobId ?? "-",
        point.JobId is null ? "-" : point.Promoted ? "yes" : "no: " + point.Reason,
        point.HeldOutRocAuc is { } heldOut ? RetrainOutput.F(heldOut) : "-",
        point.ModelVersion,
        RetrainOutput.F(point.RocAuc),
        RetrainOutput.F(point.Threshold),
        RetrainOutput.F(point.Precision),
        RetrainOutput.F(point.Recall),
        RetrainOutput.Percent(point.CleanHeld),
    ];
}
