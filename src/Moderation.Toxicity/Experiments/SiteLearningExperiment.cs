using Moderation.Toxicity.Data;
using Moderation.Toxicity.Evaluation;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Retraining;
using Moderation.Toxicity.SiteModels;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Experiments;

/// <summary>
/// Simulates sites learning from their moderators. For each site source S, a base model is trained on all the other
/// rows given (S is new to it, as a newsroom's comments are new to the shipped model). Then, per budget and draw, a
/// seeded random sample of S's rows plays the moderators' decisions and the rest of S is the site's other comments.
/// The decisions go through the learner's own steps (hash hold-out, out-of-fold site model, combination, threshold
/// from the clean training labels); every strategy is measured on the rest of S, and whether the learner would
/// have promoted it is judged on the held-out decisions against the base model at its own threshold.
/// </summary>
public static class SiteLearningExperiment
{
    public const string BaseAlone = "base alone";
    public const string ThresholdOnly = "base, site threshold";
    public const string RetrainedTogether = "base data + site labels ×10 (reference)";

    /// <summary>The reference retrain weights each site label like this many base rows (the measurement).</summary>
    private const double ReferenceSiteWeight = 10;

    public static readonly IReadOnlyList<string> DefaultSites = ["davidson", "wiki_toxicity_testset", "stormfront", "wiki_cat"];

    public static readonly IReadOnlyList<int> DefaultBudgets = [250, 500, 1_000, 2_000];

    public static IReadOnlyList<SiteCombination> DefaultCombinations { get; } =
        [SiteCombination.SiteOnly, SiteCombination.Blend(0.25), SiteCombination.Blend(0.5), SiteCombination.Blend(0.75), SiteCombination.Stacked, SiteCombination.ResidualFit];

    /// <summary>The rest of S must keep at least this many rows to measure on; larger budgets are skipped.</summary>
    private const int MinEvaluationRows = 400;

    public static SiteLearningReport Run(
        IReadOnlyList<LabelledText> rows,
        IReadOnlyList<string>? sites = null,
        IReadOnlyList<int>? budgets = null,
        IReadOnlyList<SiteCombination>? combinations = null,
        int draws = 3,
        SiteLearnerSettings? settings = null,
        double targetCleanHoldRate = 0.05,
        int seed = 1,
        bool reference = false,
        Action<string>? log = null)
    {
        sites ??= DefaultSites;
        budgets ??= DefaultBudgets;
        combinations ??= DefaultCombinations;
        settings ??= new SiteLearnerSettings();
        var results = new List<SiteLearningResultRow>();
        foreach (var site in sites)
        {
            var siteRows = rows.Where(r => r.Source == site).ToList();
            var others = rows.Where(r => r.Source != site).ToList();
            if (siteRows.Count == 0)
            {
                throw new ArgumentException($"No rows of source '{site}'.", nameof(sites));
            }

            var started = DateTime.UtcNow;
            var baseModel = ToxicityTrainer.Train(others, new TrainingOptions { Variant = ModelVariants.Default, Seed = seed, Version = $"base-without-{site}" }).Model;
            log?.Invoke($"{site}: base trained on {others.Count:N0} rows of the other sources in {(DateTime.UtcNow - started).TotalSeconds:0}s, threshold {baseModel.Manifest.HoldThreshold:0.000}");
            var prepared = siteRows.Select(r => SiteLearner.Prepare(r.Text)).ToList();
            var baseLogits = baseModel.ScoreBatch(prepared).Select(LogOddsStacker.Logit).ToArray();
            var preparedOthers = reference ? FeatureRows.Prepare(others.Select(r => r.Text).ToList()) : null;

            foreach (var budget in budgets.Where(b => siteRows.Count - b >= MinEvaluationRows))
            {
                for (var draw = 0; draw < draws; draw++)
                {
                    var order = Enumerable.Range(0, siteRows.Count).ToArray();
                    new Random(seed * 1_000_003 + draw * 7_919 + budget).Shuffle(order);
                    results.AddRange(OneSite(site, budget, draw, order, siteRows, prepared, baseLogits, baseModel.Manifest.HoldThreshold, combinations, settings, targetCleanHoldRate, seed));
                    if (preparedOthers is not null && draw == 0)
                    {
                        results.Add(Reference(site, budget, order, siteRows, prepared, others, preparedOthers, settings, seed));
                    }
                }

                var stacked = results.Where(r => r.Site == site && r.Budget == budget && r.Strategy == SiteCombination.Stacked.Name).ToList();
                log?.Invoke($"{site} / {budget:N0} labels: base {Mean(results, site, budget, BaseAlone):0.000}, stacked {(stacked.Count == 0 ? double.NaN : stacked.Average(r => r.RocAuc)):0.000}");
            }
        }

        return new SiteLearningReport(results, sites, budgets, targetCleanHoldRate);
    }

    private static IEnumerable<SiteLearningResultRow> OneSite(
        string site, int budget, int draw, int[] order, List<LabelledText> rows, List<PreparedText> prepared, double[] baseLogits,
        double baseThreshold, IReadOnlyList<SiteCombination> combinations, SiteLearnerSettings settings, double targetCleanHoldRate, int seed)
    {
        var labels = order[..budget];
        var evaluation = order[budget..];
        var heldOut = labels.Where(i => Split.IsHeldOut(prepared[i].Normalised, seed, settings.HeldOutFraction)).ToArray();
        var training = labels.Except(heldOut).ToArray();
        var evaluationTruth = evaluation.Select(i => rows[i].Toxic).ToList();
        var heldTruth = heldOut.Select(i => rows[i].Toxic).ToList();
        var baseEvaluation = evaluation.Select(i => LogOddsStacker.Sigmoid(baseLogits[i])).ToList();
        var baseHeld = heldOut.Select(i => LogOddsStacker.Sigmoid(baseLogits[i])).ToList();
        var baseHeldRocAuc = BinaryMetrics.RocAuc(baseHeld, heldTruth);

        SiteLearningResultRow Row(string strategy, IReadOnlyList<double> scores, double threshold, bool? promoted)
        {
            var at = BinaryMetrics.AtThreshold(scores, evaluationTruth, threshold);
            return new SiteLearningResultRow(site, budget, draw, strategy, BinaryMetrics.RocAuc(scores, evaluationTruth), at.Recall, at.CleanHeldRate, promoted);
        }

        yield return Row(BaseAlone, baseEvaluation, baseThreshold, null);
        var cleanTraining = training.Where(i => !rows[i].Toxic).Select(i => LogOddsStacker.Sigmoid(baseLogits[i])).ToList();
        if (cleanTraining.Count > 0)
        {
            yield return Row(ThresholdOnly, baseEvaluation, ThresholdPicker.ForCleanHoldRate(cleanTraining, targetCleanHoldRate), null);
        }

        var trainToxic = training.Count(i => rows[i].Toxic);
        var heldToxic = heldOut.Count(i => rows[i].Toxic);
        if (SiteLearner.TooFew(settings, trainToxic, training.Length - trainToxic, heldToxic, heldOut.Length - heldToxic) is not null)
        {
            // The learner gives no candidate: the site keeps its base model.
            foreach (var combination in combinations)
            {
                yield return Row(combination.Name, baseEvaluation, baseThreshold, false) with { Refused = true };
            }

            yield break;
        }

        var siteRows = training.Select(i => new SiteRow(prepared[i].Normalised, prepared[i].Lexicon, rows[i].Toxic)).ToList();
        var trainingLogits = training.Select(i => baseLogits[i]).ToArray();
        var fits = combinations.Select(c => c.Residual).Distinct().ToDictionary(
            residual => residual,
            residual => SiteFit.Fit(siteRows, trainingLogits, settings.StackingFolds, settings.L2, seed, residual, null, CancellationToken.None));
        foreach (var combination in combinations)
        {
            var fit = fits[combination.Residual];
            var siteEvaluation = evaluation.Select(i => fit.Text.Logit(prepared[i].Normalised, prepared[i].Lexicon)).ToArray();
            var siteHeld = heldOut.Select(i => fit.Text.Logit(prepared[i].Normalised, prepared[i].Lexicon)).ToArray();
            var weights = fit.Weights(combination);
            var threshold = ThresholdPicker.ForCleanHoldRate(fit.OutOfFoldProbabilities(weights).Where((_, k) => !fit.Labels[k]), targetCleanHoldRate);
            double Combined(int k, IReadOnlyList<int> index, double[] site) =>
                LogOddsStacker.Sigmoid(weights.Intercept + weights.BaseWeight * baseLogits[index[k]] + weights.SiteWeight * site[k]);
            var scores = evaluation.Select((_, k) => Combined(k, evaluation, siteEvaluation)).ToList();
            var held = heldOut.Select((_, k) => Combined(k, heldOut, siteHeld)).ToList();
            var promoted = BinaryMetrics.RocAuc(held, heldTruth) >= baseHeldRocAuc;
            yield return Row(combination.Name, scores, threshold, promoted);
        }
    }

    /// <summary>
    /// What a service cannot do (it has no base data): retrain the base model on the other sources plus the site's
    /// training labels, each weighted ten times. ROC-AUC only; one draw, as a fit takes a base model's time.
    /// </summary>
    private static SiteLearningResultRow Reference(string site, int budget, int[] order, List<LabelledText> rows, List<PreparedText> prepared,
        List<LabelledText> others, PreparedText[] preparedOthers, SiteLearnerSettings settings, int seed)
    {
        var training = order[..budget].Where(i => !Split.IsHeldOut(prepared[i].Normalised, seed, settings.HeldOutFraction));
        var evaluation = order[budget..];
        var variant = ModelVariants.Default with { SourceWeights = new Dictionary<string, double> { [site] = ReferenceSiteWeight } };
        var ml = new Microsoft.ML.MLContext(seed);
        var transformer = ToxicityTrainer.Fit(ml, variant,
            [.. others.Select((r, i) => (preparedOthers[i], r.Toxic, r.Source)), .. training.Select(i => (prepared[i], rows[i].Toxic, site))]);
        var model = new LoadedModel(new ModelManifest { Version = "reference", TrainedAt = DateTimeOffset.UtcNow, TrainingRows = 0, HoldThreshold = 0.5, Variant = variant }, ml, transformer);
        var scores = model.ScoreBatch(evaluation.Select(i => prepared[i]).ToList());
        var rocAuc = BinaryMetrics.RocAuc(scores, evaluation.Select(i => rows[i].Toxic).ToList());
        return new SiteLearningResultRow(site, budget, 0, RetrainedTogether, rocAuc, double.NaN, double.NaN, null);
    }

    private static double Mean(List<SiteLearningResultRow> results, string site, int budget, string strategy) =>
        results.Where(r => r.Site == site && r.Budget == budget && r.Strategy == strategy).Select(r => r.RocAuc).DefaultIfEmpty(double.NaN).Average();
}
