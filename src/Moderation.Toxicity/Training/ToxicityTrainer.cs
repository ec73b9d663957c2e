using Microsoft.ML;
using Moderation.Toxicity.Data;
using Moderation.Toxicity.Evaluation;
using Moderation.Toxicity.Lexicon;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Normalisation;
using Moderation.Toxicity.Training.Written;

namespace Moderation.Toxicity.Training;

/// <summary>Trains a model: loads CSVs, normalises, holds out a validation split, fits, measures, picks the hold threshold.</summary>
public static class ToxicityTrainer
{
    public static TrainingResult Train(TrainingOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        progress?.Report(new TrainingProgress("Loading data", 0));
        var load = ToxicityCsvLoader.Load(options.DataPaths, options.Columns);
        if (load.Rows.Count == 0)
        {
            throw new InvalidDataException("The training files hold no labelled rows.");
        }

        return Train(load.Rows, options, progress, cancellationToken);
    }

    public static TrainingResult Train(IReadOnlyList<LabelledText> rows, TrainingOptions options, IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        progress?.Report(new TrainingProgress("Normalising", 0.05));
        var prepared = FeatureRows.Prepare(rows.Select(r => r.Text).ToList());
        cancellationToken.ThrowIfCancellationRequested();

        var validation = new List<int>();
        var training = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            (Split.IsHeldOut(prepared[i].Normalised, options.Seed, options.ValidationFraction) ? validation : training).Add(i);
        }

        if (training.Count == 0 || !training.Any(i => rows[i].Toxic) || !training.Any(i => !rows[i].Toxic))
        {
            throw new InvalidDataException("Training needs both toxic and clean rows.");
        }

        progress?.Report(new TrainingProgress($"Fitting {options.Variant.Name} on {training.Count:N0} rows", 0.15));
        var ml = new MLContext(options.Seed);
        var transformer = Fit(ml, options.Variant, training.Select(i => (prepared[i], rows[i].Toxic, rows[i].Source)).ToList());
        cancellationToken.ThrowIfCancellationRequested();

        progress?.Report(new TrainingProgress("Measuring on the validation split", 0.85));
        var draft = new LoadedModel(Manifest(options, rows, training, 0.5, new Dictionary<string, double>()), ml, transformer);
        EvaluationReport? report = null;
        var metrics = new Dictionary<string, double>(options.ExtraMetrics ?? new Dictionary<string, double>())
        {
            ["training.validationFraction"] = options.ValidationFraction,
            ["training.seed"] = options.Seed,
        };
        var threshold = options.HoldThreshold ?? 0.5;
        if (validation.Count > 0)
        {
            var scores = draft.ScoreBatch(validation.Select(i => prepared[i]).ToList());
            var scored = validation.Select((row, k) => new ScoredRow(rows[row].Text, rows[row].Source, rows[row].Toxic, scores[k])).ToList();
            threshold = options.HoldThreshold
                ?? ThresholdPicker.ForCleanHoldRate(scored.Where(r => !r.Toxic).Select(r => (r.Score, r.Source)), options.TargetCleanHoldRate);
            report = EvaluationReport.From(scored, threshold);
            metrics["validation.rows"] = report.Count;
            metrics["validation.rocAuc"] = report.RocAuc;
            metrics["validation.precision"] = report.AtThreshold.Precision;
            metrics["validation.recall"] = report.AtThreshold.Recall;
            metrics["validation.f1"] = report.AtThreshold.F1;
            metrics["validation.cleanHeld"] = report.AtThreshold.CleanHeldRate;
        }

        progress?.Report(new TrainingProgress("Done", 1));
        var model = new LoadedModel(Manifest(options, rows, training, threshold, metrics), ml, transformer);
        return new TrainingResult(model, report);
    }

    /// <summary>Fits the pipeline on prepared rows; cross-source validation calls this once per fold.</summary>
    internal static ITransformer Fit(MLContext ml, ModelVariant variant, IReadOnlyList<(PreparedText Text, bool Toxic, string Source)> rows)
    {
        var sourceWeights = variant.SourceWeights;
        if (variant.WrittenWeight > 0)
        {
            rows = [.. rows, .. WrittenRows.Value];
            sourceWeights = new Dictionary<string, double>(variant.SourceWeights ?? new Dictionary<string, double>()) { [WrittenExamples.Source] = variant.WrittenWeight };
        }

        var weights = SampleWeights.Compute(rows.Select(r => r.Source).ToList(), rows.Select(r => r.Toxic).ToList(), variant.Weighting, sourceWeights);
        var masked = variant.MaskSingleClassSources ? SingleClassSources.Find(rows.Select(r => (r.Source, r.Toxic))) : [];
        var inputs = rows.Select((r, i) =>
        {
            var input = r.Text.For(variant);
            return new TrainingInput
            {
                Text = masked.Contains(r.Source) ? SingleClassSources.AbusiveParts(r.Text.Normalised) : input.Text,
                Lexicon = input.Lexicon,
                Targets = input.Targets,
                Label = r.Toxic,
                Weight = weights[i],
            };
        });
        var data = ml.Data.LoadFromEnumerable(inputs);
        return ToxicityPipeline.Build(ml, variant).Fit(data);
    }

    private static readonly Lazy<(PreparedText Text, bool Toxic, string Source)[]> WrittenRows = new(() =>
    {
        var rows = WrittenExamples.Rows;
        var prepared = FeatureRows.Prepare(rows.Select(r => r.Text).ToList());
        return rows.Select((r, i) => (prepared[i], r.Toxic, r.Source)).ToArray();
    });

    private static ModelManifest Manifest(TrainingOptions options, IReadOnlyList<LabelledText> rows, List<int> training, double threshold, Dictionary<string, double> metrics) => new()
    {
        Version = options.Version ?? DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss"),
        TrainedAt = DateTimeOffset.UtcNow,
        TrainingRows = training.Count,
        HoldThreshold = threshold,
        Variant = options.Variant,
        Metrics = metrics,
        DataSources =
        [
            .. training.GroupBy(i => rows[i].Source).OrderBy(g => g.Key).Select(g => KnownSources.Describe(g.Key, g.Count())),
            .. options.Variant.WrittenWeight > 0 ? [KnownSources.Describe(WrittenExamples.Source, WrittenExamples.Rows.Count)] : Array.Empty<DataSourceInfo>(),
        ],
        NormaliserVersion = TextNormaliser.Version,
        LexiconVersion = ToxicLexicon.Version,
        BasedOn = options.BasedOn,
    };
}
