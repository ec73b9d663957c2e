using Moderation.Toxicity.Functional;
using Moderation.Toxicity.Scoring;
using Spectre.Console;

namespace Moderation.Client.Model;

/// <summary>Prints a model's functional-suite report: accuracy per function for each half, and the dev half's misses on request.</summary>
internal static class FunctionalOutput
{
    public static void Write(IAnsiConsole console, FunctionalReport report, ToxicityScorer? explainMisses)
    {
        var table = new Table().AddColumns("function", "label", "dev cases", "dev accuracy", "held-out cases", "held-out accuracy");
        foreach (var function in report.Cases.Select(c => c.Case.Function).Distinct())
        {
            table.AddRow(function, report.Labels(function),
                report.Count(function, FunctionalHalf.Dev).ToString("N0"), F(report.Accuracy(function, FunctionalHalf.Dev)),
                report.Count(function, FunctionalHalf.HeldOut).ToString("N0"), F(report.Accuracy(function, FunctionalHalf.HeldOut)));
        }

        table.AddRow("[bold]all[/]", "", "", F(report.Accuracy(FunctionalHalf.Dev)), "", F(report.Accuracy(FunctionalHalf.HeldOut)));
        table.AddRow("[bold]ROC-AUC[/]", "", "", F(report.RocAuc(FunctionalHalf.Dev)), "", F(report.RocAuc(FunctionalHalf.HeldOut)));
        console.Write(table);
        console.WriteLine(FormattableString.Invariant($"Accuracy at threshold {report.Threshold:0.000}; ROC-AUC over all cases of a half."));

        if (explainMisses is null)
        {
            return;
        }

        // Only the dev half: the held-out half is measured, never read while choosing a model.
        foreach (var miss in report.Cases.Where(c => c.Case.Half == FunctionalHalf.Dev && c.Score >= report.Threshold != c.Case.Abusive).OrderBy(c => c.Case.Function))
        {
            var terms = string.Join(", ", explainMisses.Score(miss.Case.Text).Explanation.Select(t => FormattableString.Invariant($"{t.Text} {t.Weight:+0.00;-0.00}")));
            console.MarkupLineInterpolated($"[yellow]miss[/] {miss.Case.Function} ({(miss.Case.Abusive ? "abusive" : "clean")}) {miss.Score:0.000}: {miss.Case.Text} [grey]({terms})[/]");
        }
    }

    private static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000");
}
