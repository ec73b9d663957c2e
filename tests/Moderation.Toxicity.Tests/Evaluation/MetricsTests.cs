using Moderation.Toxicity.Evaluation;

namespace Moderation.Toxicity.Tests.Evaluation;

public sealed class MetricsTests
{
    [Fact]
    public void Roc_auc_counts_correctly_ordered_pairs_and_half_ties()
    {
        Assert.Equal(1.0, BinaryMetrics.RocAuc([0.1, 0.2, 0.8, 0.9], [false, false, true, true]));
        Assert.Equal(0.0, BinaryMetrics.RocAuc([0.9, 0.8, 0.2, 0.1], [false, false, true, true]));
        Assert.Equal(0.5, BinaryMetrics.RocAuc([0.5, 0.5, 0.5, 0.5], [false, true, false, true]));
        Assert.Equal(0.75, BinaryMetrics.RocAuc([0.1, 0.6, 0.4, 0.9], [false, false, true, true]));
        Assert.True(double.IsNaN(BinaryMetrics.RocAuc([0.1, 0.2], [true, true])));
    }

    [Fact]
    public void Threshold_metrics_hold_at_or_above_the_threshold()
    {
        var m = BinaryMetrics.AtThreshold([0.1, 0.5, 0.7, 0.9, 0.6], [false, false, true, true, false], 0.6);
        Assert.Equal((2, 1, 0, 2), (m.TruePositives, m.FalsePositives, m.FalseNegatives, m.TrueNegatives));
        Assert.Equal(2.0 / 3, m.Precision, 6);
        Assert.Equal(1.0, m.Recall);
        Assert.Equal(0.8, m.F1, 6);
        Assert.Equal(1.0 / 3, m.CleanHeldRate, 6);
    }

    [Fact]
    public void Threshold_picker_holds_at_most_the_target_share_of_clean_comments()
    {
        var clean = Enumerable.Range(0, 100).Select(i => i / 100.0).ToList();
        var threshold = ThresholdPicker.ForCleanHoldRate(clean, 0.05);
        var held = clean.Count(s => s >= threshold);
        Assert.Equal(5, held);
    }

    [Fact]
    public void Threshold_picker_weights_groups_equally()
    {
        // A small group whose clean comments all score high must not be hidden by a large low-scoring one.
        var clean = Enumerable.Range(0, 1000).Select(i => (i / 10000.0, "big"))
            .Concat(Enumerable.Range(0, 10).Select(i => (0.9 + i / 100.0, "small")));
        var threshold = ThresholdPicker.ForCleanHoldRate(clean, 0.05);
        Assert.True(threshold > 0.9, $"threshold {threshold}");
    }
}
