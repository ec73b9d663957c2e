using Microsoft.ML;
using Moderation.Toxicity.Data;
using Moderation.Toxicity.Evaluation;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Experiments;

/// <summary>
/// Leave-one-source-out validation: for each fold, train on the other sources and score the held-out rows.
/// A variant's hold threshold is picked on the pooled held-out clean rows (each source weighted equally), so
/// it estimates how a model treats clean comments from a domain it never saw; the per-fold figures use it.
/// </summary>
public static class CrossSourceValidation
{
    public static CrossSourceReport Run(
        IReadOnlyList<LabelledText> rows,
        IReadOnlyList<ModelVariant> variants,
        IReadOnlyList<CrossSourceFold> folds,
        double targetCleanHoldRate = 0.05,
        int seed = 1,
        Action<string>? log = null)
    {
        log?.Invoke($"Normalising {rows.Count:N0} rows");
        var prepared = FeatureRows.Prepare(rows.Select(r => r.Text).ToList());
        var results = new List<FoldResult>();
        var thresholds = new Dictionary<string, double>();
        foreach (var variant in variants)
        {
            var scoredFolds = new List<(CrossSourceFold Fold, List<ScoredRow> Rows)>();
            foreach (var fold in folds)
            {
                var started = DateTime.UtcNow;
                var training = Enumerable.Range(0, rows.Count).Where(i => !fold.HeldOut.Contains(rows[i].Source)).ToList();
                var evaluation = Enumerable.Range(0, rows.Count).Where(i => fold.HeldOut.Contains(rows[i].Source) && fold.Evaluate(rows[i])).ToList();
                var ml = new MLContext(seed);
                var transformer = ToxicityTrainer.Fit(ml, variant, training.Select(i => (prepared[i], rows[i].Toxic, rows[i].Source)).ToList());
                var model = new LoadedModel(Placeholder(variant), ml, transformer);
                var scores = model.ScoreBatch(evaluation.Select(i => prepared[i]).ToList());
                scoredFolds.Add((fold, evaluation.Select((i, k) => new ScoredRow(rows[i].Text, rows[i].Source, rows[i].Toxic, scores[k])).ToList()));
                log?.Invoke($"{variant.Name} / {fold.Name}: trained on {training.Count:N0}, scored {evaluation.Count:N0} in {(DateTime.UtcNow - started).TotalSeconds:0}s");
            }

            var clean = scoredFolds.Where(f => f.Fold.SetsThreshold).SelectMany(f => f.Rows).Where(r => !r.Toxic).Select(r => (r.Score, r.Source));
            var threshold = ThresholdPicker.ForCleanHoldRate(clean, targetCleanHoldRate);
            thresholds[variant.Name] = threshold;
            foreach (var (fold, scored) in scoredFolds)
            {
                var report = EvaluationReport.From(scored, threshold);
                results.Add(new FoldResult(variant.Name, fold.Name, report.Count, report.Toxic, report.RocAuc,
                    report.AtThreshold.Recall, report.AtThreshold.CleanHeldRate, report.AtThreshold.Precision));
            }

            var mean = results.Where(r => r.Variant == variant.Name).Average(r => r.RocAuc);
            log?.Invoke($"{variant.Name}: mean ROC-AUC {mean:0.000}, threshold {threshold:0.000}");
        }

        return new CrossSourceReport(results, thresholds, targetCleanHoldRate);
    }

    private static ModelManifest Placeholder(ModelVariant variant) => new()
    {
        Version = "fold",
        TrainedAt = DateTimeOffset.UtcNow,
        TrainingRows = 0,
        HoldThreshold = 0.5,
        Variant = variant,
    };
}
