using System.Globalization;
using System.Text;

namespace Moderation.Toxicity.Experiments;

/// <summary>A variant's figures on one held-out fold, at the variant's cross-source threshold.</summary>
public sealed record FoldResult(string Variant, string Fold, int Rows, int Toxic, double RocAuc, double Recall, double CleanHeld, double Precision);

/// <summary>All variants on all folds, with each variant's cross-source hold threshold.</summary>
public sealed record CrossSourceReport(IReadOnlyList<FoldResult> Results, IReadOnlyDictionary<string, double> Thresholds, double TargetCleanHoldRate)
{
    public double MeanRocAuc(string variant) => Results.Where(r => r.Variant == variant && !double.IsNaN(r.RocAuc)).Average(r => r.RocAuc);

    public double MeanRecall(string variant) => Results.Where(r => r.Variant == variant && !double.IsNaN(r.Recall)).Average(r => r.Recall);

    public double MeanCleanHeld(string variant) => Results.Where(r => r.Variant == variant && !double.IsNaN(r.CleanHeld)).Average(r => r.CleanHeld);

    /// <summary>The figures as a markdown table: one row per variant and fold, then the means.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| variant | held-out fold | rows (toxic) | ROC-AUC | recall at hold | clean held | precision |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var variant in Results.Select(r => r.Variant).Distinct())
        {
            foreach (var r in Results.Where(r => r.Variant == variant))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Variant} | {r.Fold} | {r.Rows:N0} ({r.Toxic:N0}) | {F(r.RocAuc)} | {F(r.Recall)} | {P(r.CleanHeld)} | {F(r.Precision)} |");
            }

            text.AppendLine(CultureInfo.InvariantCulture,
                $"| **{variant}** | **mean** (threshold {Thresholds[variant]:0.000}) | | **{F(MeanRocAuc(variant))}** | **{F(MeanRecall(variant))}** | **{P(MeanCleanHeld(variant))}** | |");
        }

        return text.ToString();
    }

    private static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string P(double value) => double.IsNaN(value) ? "n/a" : (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
