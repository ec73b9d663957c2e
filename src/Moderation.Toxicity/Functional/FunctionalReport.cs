using System.Globalization;
using System.Text;
using Moderation.Toxicity.Evaluation;

namespace Moderation.Toxicity.Functional;

/// <summary>A model's scores on the functional suite, measured at one threshold: accuracy per function and half, ROC-AUC per half.</summary>
public sealed class FunctionalReport
{
    public FunctionalReport(IReadOnlyList<ScoredCase> cases, double threshold)
    {
        Cases = cases;
        Threshold = threshold;
    }

    /// <summary>Every case with its score.</summary>
    public IReadOnlyList<ScoredCase> Cases { get; }

    /// <summary>A case counts as abusive when its score is at or above this.</summary>
    public double Threshold { get; }

    /// <summary>Share of cases the model gets right (abusive held, clean not held) for one function, in one half or both.</summary>
    public double Accuracy(string function, FunctionalHalf? half = null) => Accuracy(Select(function, half));

    /// <summary>Share of all cases of a half (or both) the model gets right.</summary>
    public double Accuracy(FunctionalHalf? half = null) => Accuracy(Select(null, half));

    /// <summary>How well the scores rank abusive above clean cases of a half (or both), whatever the threshold.</summary>
    public double RocAuc(FunctionalHalf? half = null)
    {
        var cases = Select(null, half);
        return BinaryMetrics.RocAuc(cases.Select(c => c.Score).ToList(), cases.Select(c => c.Case.Abusive).ToList());
    }

    /// <summary>Number of cases of a function in a half (or both).</summary>
    public int Count(string function, FunctionalHalf? half = null) => Select(function, half).Count;

    /// <summary>The labels a function's cases carry: "abusive", "clean" or "both".</summary>
    public string Labels(string function)
    {
        var labels = Cases.Where(c => c.Case.Function == function).Select(c => c.Case.Abusive).Distinct().ToList();
        return labels.Count == 2 ? "both" : labels.Single() ? "abusive" : "clean";
    }

    /// <summary>Accuracy per function and half as a markdown table, then each half's accuracy and ROC-AUC.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| function | label | dev cases | dev accuracy | held-out cases | held-out accuracy |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var function in Cases.Select(c => c.Case.Function).Distinct())
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {function} | {Labels(function)} | {Count(function, FunctionalHalf.Dev)} | {F(Accuracy(function, FunctionalHalf.Dev))} | {Count(function, FunctionalHalf.HeldOut)} | {F(Accuracy(function, FunctionalHalf.HeldOut))} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture,
            $"| **all** (accuracy at {Threshold:0.000}) | | {Select(null, FunctionalHalf.Dev).Count} | **{F(Accuracy(FunctionalHalf.Dev))}** | {Select(null, FunctionalHalf.HeldOut).Count} | **{F(Accuracy(FunctionalHalf.HeldOut))}** |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| **ROC-AUC** (any threshold) | | | **{F(RocAuc(FunctionalHalf.Dev))}** | | **{F(RocAuc(FunctionalHalf.HeldOut))}** |");
        return text.ToString();
    }

    private static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);

    private List<ScoredCase> Select(string? function, FunctionalHalf? half) =>
        Cases.Where(c => (function is null || c.Case.Function == function) && (half is null || c.Case.Half == half)).ToList();

    private double Accuracy(List<ScoredCase> cases) =>
        cases.Count == 0 ? double.NaN : (double)cases.Count(c => c.Score >= Threshold == c.Case.Abusive) / cases.Count;
}

/// <summary>A functional case and the model's score for it.</summary>
public sealed record ScoredCase(FunctionalCase Case, double Score);
