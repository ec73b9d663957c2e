using System.Globalization;
using System.Text;

namespace Moderation.Toxicity.Experiments;

/// <summary>One strategy on one simulated site, budget and draw, measured on the rest of the site's rows.</summary>
/// <param name="Promoted">Whether the learner would have promoted it (held-out decisions, against the base model); null for the base alone.</param>
/// <param name="Refused">The learner refused to train (too few labels of a class); the figures are the base model's.</param>
public sealed record SiteLearningResultRow(string Site, int Budget, int Draw, string Strategy, double RocAuc, double Recall, double CleanHeld, bool? Promoted, bool Refused = false);

/// <summary>The experiment's rows, averaged over draws into one markdown table per budget.</summary>
public sealed record SiteLearningReport(IReadOnlyList<SiteLearningResultRow> Results, IReadOnlyList<string> Sites, IReadOnlyList<int> Budgets, double TargetCleanHoldRate)
{
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var strategies = Results.Select(r => r.Strategy).Distinct().ToList();
        foreach (var budget in Budgets.Where(b => Results.Any(r => r.Budget == b)))
        {
            var draws = Results.Where(r => r.Budget == budget).Select(r => r.Draw).Distinct().Count();
            text.AppendLine(CultureInfo.InvariantCulture, $"**{budget:N0} labels** (mean of {draws} draws; each cell: ROC-AUC / recall / clean held on the rest of the site; sites without enough rows left are blank)");
            text.AppendLine();
            text.AppendLine("| strategy | " + string.Join(" | ", Sites) + " | mean ROC-AUC | promoted |");
            text.AppendLine("|---|" + string.Concat(Sites.Select(_ => "---|")) + "---|---|");
            foreach (var strategy in strategies)
            {
                var cells = Sites.Select(site => Cell(Results.Where(r => r.Budget == budget && r.Site == site && r.Strategy == strategy).ToList()));
                var rows = Results.Where(r => r.Budget == budget && r.Strategy == strategy).ToList();
                var bySite = rows.GroupBy(r => r.Site).Select(g => g.Average(r => r.RocAuc)).ToList();
                var judged = rows.Where(r => r.Promoted is not null).ToList();
                var promoted = judged.Count == 0 ? "" : $"{judged.Count(r => r.Promoted == true)}/{judged.Count}";
                text.AppendLine(CultureInfo.InvariantCulture, $"| {strategy} | {string.Join(" | ", cells)} | **{F(bySite.Count == 0 ? double.NaN : bySite.Average())}** | {promoted} |");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Cell(List<SiteLearningResultRow> rows)
    {
        if (rows.Count == 0)
        {
            return "";
        }

        var refused = rows.Count(r => r.Refused);
        var cell = $"{F(rows.Average(r => r.RocAuc))} / {F(Mean(rows.Select(r => r.Recall)))} / {P(Mean(rows.Select(r => r.CleanHeld)))}";
        return refused == 0 ? cell : $"{cell} (refused {refused}/{rows.Count})";
    }

    private static double Mean(IEnumerable<double> values)
    {
        var real = values.Where(v => !double.IsNaN(v)).ToList();
        return real.Count == 0 ? double.NaN : real.Average();
    }

    private static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string P(double value) => double.IsNaN(value) ? "n/a" : (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
