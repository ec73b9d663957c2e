using Moderation.Toxicity.Evaluation;
using Moderation.Toxicity.Lexicon;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Normalisation;
using Moderation.Toxicity.SiteModels;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Retraining;

/// <summary>
/// Learns from a site's labels without the base training data: a site text model (word and character n-grams +
/// lexicon, trained on the site's labels only) beside the base model, their log-odds combined as
/// <see cref="SiteLearnerSettings.Combination"/> says (by default the site model takes the base model's log-odds as an
/// input; see docs/toxicity.md for the experiment that chose it). A stable hash of each label's normalised text holds a share of the labels out; neither the
/// site model nor the combination weights nor the threshold ever sees them, and both models are judged on them. Because the
/// hash is stable, labels held out once stay held out at every later retrain, so a site-adapted current model never
/// trained on them either. A site-adapted current model is never stacked on: its site layer is replaced, on top of
/// the same base.
/// </summary>
public sealed class SiteLearner(SiteLearnerSettings? settings = null) : ISiteLearner
{
    private readonly SiteLearnerSettings _settings = settings ?? new SiteLearnerSettings();

    public SiteLearningResult Learn(
        LoadedModel current,
        IReadOnlyList<LabelledExample> labels,
        SiteLearningOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);

        progress?.Report(new TrainingProgress("Preparing labels", 0));
        var prepared = labels.Select(l => Prepare(l.Text)).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        var heldOut = new List<int>();
        var training = new List<int>();
        for (var i = 0; i < labels.Count; i++)
        {
            (Split.IsHeldOut(prepared[i].Normalised, options.Seed, _settings.HeldOutFraction) ? heldOut : training).Add(i);
        }

        if (TooFew(labels, training, heldOut) is { } tooFew)
        {
            progress?.Report(new TrainingProgress("Done", 1));
            return new SiteLearningResult(null, null, null, false, tooFew, training.Count, heldOut.Count);
        }

        var baseModel = current.Base;
        progress?.Report(new TrainingProgress("Scoring the training labels with the base model", 0.05));
        var baseLogits = baseModel.ScoreBatch(training.Select(i => prepared[i]).ToList()).Select(LogOddsStacker.Logit).ToArray();
        cancellationToken.ThrowIfCancellationRequested();

        var rows = training.Select(i => new SiteRow(prepared[i].Normalised, prepared[i].Lexicon, labels[i].Toxic)).ToList();
        var fit = SiteFit.Fit(rows, baseLogits, _settings.StackingFolds, _settings.L2, options.Seed, _settings.Combination.Residual,
            (stage, fraction) => progress?.Report(new TrainingProgress(stage, 0.1 + 0.7 * fraction)), cancellationToken);

        progress?.Report(new TrainingProgress($"Combining the models ({_settings.Combination.Name})", 0.8));
        var weights = fit.Weights(_settings.Combination);
        var outOfFold = fit.OutOfFoldProbabilities(weights);
        var threshold = ThresholdPicker.ForCleanHoldRate(outOfFold.Where((_, k) => !fit.Labels[k]), options.TargetCleanHoldRate);
        var candidate = baseModel.WithSite(Manifest(current, baseModel, options, threshold, weights, training.Count), fit.Text);
        cancellationToken.ThrowIfCancellationRequested();

        progress?.Report(new TrainingProgress("Judging both models on the held-out labels", 0.9));
        var judged = heldOut.Select(i => prepared[i]).ToList();
        var truth = heldOut.Select(i => labels[i].Toxic).ToList();
        var currentFigures = Figures(current.ScoreBatch(judged), truth, current.Manifest.HoldThreshold);
        var candidateFigures = Figures(candidate.ScoreBatch(judged), truth, threshold);
        candidate = candidate.WithManifest(candidate.Manifest with { Metrics = WithFigures(candidate.Manifest.Metrics, currentFigures, candidateFigures, training.Count) });
        cancellationToken.ThrowIfCancellationRequested();

        var promote = candidateFigures.RocAuc >= currentFigures.RocAuc - options.Tolerance;
        var reason = promote
            ? FormattableString.Invariant($"The candidate's ROC-AUC on {heldOut.Count} held-out site labels is {candidateFigures.RocAuc:0.0000} against the current model's {currentFigures.RocAuc:0.0000}; trained on {training.Count} labels.")
            : FormattableString.Invariant($"The candidate's ROC-AUC on {heldOut.Count} held-out site labels, {candidateFigures.RocAuc:0.0000}, is below the current model's {currentFigures.RocAuc:0.0000} (tolerance {options.Tolerance:0.####}); the current model stays.");
        progress?.Report(new TrainingProgress("Done", 1));
        return new SiteLearningResult(candidate, currentFigures, candidateFigures, promote, reason, training.Count, heldOut.Count);
    }

    internal static PreparedText Prepare(string text)
    {
        var normalised = TextNormaliser.Normalise(text);
        return new PreparedText(text, normalised.Text, LexiconFeatures.Analyse(normalised).Features);
    }

    private string? TooFew(IReadOnlyList<LabelledExample> labels, List<int> training, List<int> heldOut)
    {
        var trainToxic = training.Count(i => labels[i].Toxic);
        var heldToxic = heldOut.Count(i => labels[i].Toxic);
        return TooFew(_settings, trainToxic, training.Count - trainToxic, heldToxic, heldOut.Count - heldToxic);
    }

    /// <summary>Why these label counts cannot train and judge a candidate, or null when they can.</summary>
    internal static string? TooFew(SiteLearnerSettings settings, int trainToxic, int trainClean, int heldToxic, int heldClean)
    {
        int minTrain = settings.MinTrainingLabelsPerClass, minHeld = settings.MinHeldOutLabelsPerClass;
        if (trainToxic >= minTrain && trainClean >= minTrain && heldToxic >= minHeld && heldClean >= minHeld)
        {
            return null;
        }

        return $"Too few labels to learn from: {trainToxic + trainClean + heldToxic + heldClean} labels ({trainToxic + heldToxic} toxic, {trainClean + heldClean} clean). " +
            $"Training needs at least {minTrain} toxic and {minTrain} clean labels (has {trainToxic} and {trainClean}); judging needs at least " +
            $"{minHeld} of each held out (has {heldToxic} and {heldClean}).";
    }

    private ModelManifest Manifest(LoadedModel current, LoadedModel baseModel, SiteLearningOptions options, double threshold,
        (double BaseWeight, double SiteWeight, double Intercept) weights, int labels) => baseModel.Manifest with
    {
        Version = options.Version,
        TrainedAt = DateTimeOffset.UtcNow,
        HoldThreshold = threshold,
        BasedOn = current.Version,
        DataSources = [.. baseModel.Manifest.DataSources, KnownSources.Describe(KnownSources.Feedback, labels)],
        Site = new SiteLayerManifest
        {
            BaseVersion = baseModel.Version,
            BaseHoldThreshold = baseModel.Manifest.HoldThreshold,
            BaseTrainedAt = baseModel.Manifest.TrainedAt,
            Combination = _settings.Combination.Name,
            BaseWeight = weights.BaseWeight,
            SiteWeight = weights.SiteWeight,
            Intercept = weights.Intercept,
            Labels = labels,
        },
    };

    private static ModelFigures Figures(double[] scores, List<bool> truth, double threshold)
    {
        var at = BinaryMetrics.AtThreshold(scores, truth, threshold);
        return new ModelFigures(BinaryMetrics.RocAuc(scores, truth), threshold, at.Precision, at.Recall, at.CleanHeldRate, truth.Count, truth.Count(t => t));
    }

    private static Dictionary<string, double> WithFigures(IReadOnlyDictionary<string, double> metrics, ModelFigures current, ModelFigures candidate, int labels) =>
        new(metrics)
        {
            ["site.labels"] = labels,
            ["site.heldOut.rows"] = candidate.Rows,
            ["site.heldOut.rocAuc"] = candidate.RocAuc,
            ["site.heldOut.precision"] = candidate.Precision,
            ["site.heldOut.recall"] = candidate.Recall,
            ["site.heldOut.cleanHeld"] = candidate.CleanHeldRate,
            ["site.heldOut.current.rocAuc"] = current.RocAuc,
        };
}
