using Moderation.Toxicity.Data;
using Moderation.Toxicity.Evaluation;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Store;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Retraining;

/// <summary>
/// Builds a new model version from the base data plus moderators' decisions, compares it with the current model
/// on held-out rows neither model trained on (the same hash split the current model held out, plus held-out
/// feedback), and promotes it in the store only when it is not worse. Watchers then switch running scorers.
/// </summary>
public sealed class ModelRetrainer(IModelStore store)
{
    public RetrainReport Retrain(
        IReadOnlyList<LabelledText> baseData,
        IReadOnlyList<LabelledExample> feedback,
        LoadedModel current,
        RetrainOptions? options = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new RetrainOptions();
        var validationFraction = options.ValidationFraction ?? current.Manifest.Metrics.GetValueOrDefault("training.validationFraction", 0.1);
        var variant = options.Variant ?? current.Manifest.Variant;
        var feedbackWeights = new Dictionary<string, double>(variant.SourceWeights ?? new Dictionary<string, double>())
        {
            [KnownSources.Feedback] = options.FeedbackWeight,
        };
        var rows = baseData.Concat(feedback.Select(f => new LabelledText(f.Text, f.Toxic, KnownSources.Feedback))).ToList();
        var version = options.Version ?? DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss");

        var trained = ToxicityTrainer.Train(rows, new TrainingOptions
        {
            Variant = variant with { SourceWeights = feedbackWeights },
            Seed = options.Seed,
            ValidationFraction = validationFraction,
            TargetCleanHoldRate = options.TargetCleanHoldRate,
            Version = version,
            BasedOn = current.Version,
        }, progress, cancellationToken);
        var heldOut = trained.Validation
            ?? throw new InvalidOperationException("Retraining needs held-out rows to compare models; the validation fraction is 0.");

        var heldOutRows = heldOut.Rows.Select(r => new LabelledText(r.Text, r.Toxic, r.Source)).ToList();
        var currentReport = ToxicityEvaluator.Evaluate(current, heldOutRows);
        var threshold = PickThreshold(heldOut, currentReport, options);
        var candidate = trained.Model.WithManifest(trained.Model.Manifest with
        {
            HoldThreshold = threshold,
            Metrics = WithFigures(trained.Model.Manifest.Metrics, EvaluationReport.From(heldOut.Rows, threshold), validationFraction),
        });
        var candidateReport = EvaluationReport.From(heldOut.Rows, threshold);

        var currentOnFeedback = FeedbackOnly(currentReport);
        var candidateOnFeedback = FeedbackOnly(candidateReport);
        var (promote, reason) = Decide(currentReport, candidateReport, currentOnFeedback, candidateOnFeedback, options.Tolerance);
        if (promote)
        {
            store.Save(candidate);
            store.Promote(candidate.Version);
        }

        return new RetrainReport(current.Version, candidate.Version, currentReport, candidateReport, currentOnFeedback, candidateOnFeedback, promote, reason);
    }

    /// <summary>Not worse: held-out ROC-AUC at least the current one's (minus the tolerance), overall and on held-out feedback when it has both classes.</summary>
    internal static (bool Promote, string Reason) Decide(EvaluationReport current, EvaluationReport candidate, EvaluationReport? currentOnFeedback, EvaluationReport? candidateOnFeedback, double tolerance)
    {
        if (double.IsNaN(candidate.RocAuc) || double.IsNaN(current.RocAuc))
        {
            return (false, "the held-out rows do not have both classes, so the models cannot be compared");
        }

        if (candidate.RocAuc < current.RocAuc - tolerance)
        {
            return (false, $"held-out ROC-AUC {candidate.RocAuc:0.0000} is below the current {current.RocAuc:0.0000}");
        }

        if (currentOnFeedback is not null && candidateOnFeedback is not null
            && !double.IsNaN(currentOnFeedback.RocAuc) && !double.IsNaN(candidateOnFeedback.RocAuc)
            && candidateOnFeedback.RocAuc < currentOnFeedback.RocAuc - tolerance)
        {
            return (false, $"ROC-AUC on held-out feedback {candidateOnFeedback.RocAuc:0.0000} is below the current {currentOnFeedback.RocAuc:0.0000}");
        }

        return (true, $"held-out ROC-AUC {candidate.RocAuc:0.0000} vs current {current.RocAuc:0.0000}");
    }

    private static double PickThreshold(EvaluationReport heldOut, EvaluationReport current, RetrainOptions options)
    {
        var cleanFeedback = heldOut.Rows.Where(r => !r.Toxic && r.Source == KnownSources.Feedback).Select(r => r.Score).ToList();
        if (cleanFeedback.Count >= options.MinCleanFeedbackForThreshold)
        {
            return ThresholdPicker.ForCleanHoldRate(cleanFeedback, options.TargetCleanHoldRate);
        }

        // Too little of the installation's own clean text: hold the same share of held-out clean rows as the current model does.
        var currentRate = double.IsNaN(current.AtThreshold.CleanHeldRate) ? options.TargetCleanHoldRate : current.AtThreshold.CleanHeldRate;
        var perSourceRate = current.BySource().Values.Select(v => v.AtThreshold.CleanHeldRate).Where(r => !double.IsNaN(r)).DefaultIfEmpty(currentRate).Average();
        return ThresholdPicker.ForCleanHoldRate(heldOut.Rows.Where(r => !r.Toxic).Select(r => (r.Score, r.Source)), perSourceRate);
    }

    private static EvaluationReport? FeedbackOnly(EvaluationReport report)
    {
        var rows = report.Rows.Where(r => r.Source == KnownSources.Feedback).ToList();
        return rows.Count == 0 ? null : EvaluationReport.From(rows, report.AtThreshold.Threshold);
    }

    private static Dictionary<string, double> WithFigures(IReadOnlyDictionary<string, double> metrics, EvaluationReport report, double validationFraction)
    {
        var updated = new Dictionary<string, double>(metrics)
        {
            ["validation.rocAuc"] = report.RocAuc,
            ["validation.precision"] = report.AtThreshold.Precision,
            ["validation.recall"] = report.AtThreshold.Recall,
            ["validation.f1"] = report.AtThreshold.F1,
            ["validation.cleanHeld"] = report.AtThreshold.CleanHeldRate,
            ["training.validationFraction"] = validationFraction,
        };
        return updated;
    }
}
