namespace Moderation.Toxicity.Evaluation;

/// <summary>One row's score in an evaluation.</summary>
public sealed record ScoredRow(string Text, string Source, bool Toxic, double Score);

/// <summary>How a model did on labelled rows: ROC-AUC, the figures at the hold threshold, and every row's score.</summary>
public sealed record EvaluationReport(double RocAuc, ThresholdMetrics AtThreshold, IReadOnlyList<ScoredRow> Rows)
{
    public int Count => Rows.Count;

    public int Toxic => Rows.Count(r => r.Toxic);

    /// <summary>The figures per source, for reports that must not let a large source hide a small one.</summary>
    public IReadOnlyDictionary<string, (double RocAuc, ThresholdMetrics AtThreshold)> BySource() =>
        Rows.GroupBy(r => r.Source).ToDictionary(
            g => g.Key,
            g => (BinaryMetrics.RocAuc(g.Select(r => r.Score).ToList(), g.Select(r => r.Toxic).ToList()),
                  BinaryMetrics.AtThreshold(g.Select(r => r.Score).ToList(), g.Select(r => r.Toxic).ToList(), AtThreshold.Threshold)));

    public static EvaluationReport From(IReadOnlyList<ScoredRow> rows, double threshold)
    {
        var scores = rows.Select(r => r.Score).ToList();
        var labels = rows.Select(r => r.Toxic).ToList();
        return new EvaluationReport(BinaryMetrics.RocAuc(scores, labels), BinaryMetrics.AtThreshold(scores, labels, threshold), rows);
    }
}
