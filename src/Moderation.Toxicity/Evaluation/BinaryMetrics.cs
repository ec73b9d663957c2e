namespace Moderation.Toxicity.Evaluation;

/// <summary>ROC-AUC and the confusion figures at a threshold (a comment is held when its score is at or above it).</summary>
public static class BinaryMetrics
{
    /// <summary>ROC-AUC by the rank-sum formula, ties counted half; NaN when one class is missing.</summary>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positives = labels.Count(l => l), negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        double rankSum = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            var averageRank = (i + j) / 2.0 + 1;
            for (var k = i; k <= j; k++)
            {
                if (labels[order[k]])
                {
                    rankSum += averageRank;
                }
            }

            i = j + 1;
        }

        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    public static ThresholdMetrics AtThreshold(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            var held = scores[i] >= threshold;
            if (labels[i]) { if (held) tp++; else fn++; }
            else { if (held) fp++; else tn++; }
        }

        var precision = tp + fp == 0 ? double.NaN : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? double.NaN : (double)tp / (tp + fn);
        var f1 = double.IsNaN(precision) || double.IsNaN(recall) || precision + recall == 0 ? double.NaN : 2 * precision * recall / (precision + recall);
        var cleanHeld = fp + tn == 0 ? double.NaN : (double)fp / (fp + tn);
        return new ThresholdMetrics(threshold, precision, recall, f1, cleanHeld, tp, fp, fn, tn);
    }
}

/// <summary>Precision, recall and F1 of holding at a threshold, and the share of clean comments held.</summary>
public sealed record ThresholdMetrics(
    double Threshold, double Precision, double Recall, double F1, double CleanHeldRate,
    int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives);
