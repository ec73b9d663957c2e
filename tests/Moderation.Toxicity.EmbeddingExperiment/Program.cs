using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using Moderation.Toxicity.Data;
using Moderation.Toxicity.EmbeddingExperiment;
using Moderation.Toxicity.Evaluation;
using Moderation.Toxicity.Experiments;
using Moderation.Toxicity.Lexicon;
using Moderation.Toxicity.Normalisation;

// Usage: dotnet run -c Release --project tests/Moderation.Toxicity.EmbeddingExperiment -- <data-root> <cache-file> [report.md] [rows-per-source]
// Leave-one-source-out with the same folds and threshold rule as `moderation model experiment`.
var root = args.Length > 0 ? args[0] : "../shared/data/toxicity";
var cache = args.Length > 1 ? args[1] : "/tmp/toxicity-work/minilm.bin";
var perSource = args.Length > 3 ? int.Parse(args[3]) : 2_500;

// A seeded sample of each source: encoding all 65k rows takes about an hour on two shared cores.
var rows = ToxicityCsvLoader.Load(CrossSourceFold.StandardSources.Select(s => Path.Combine(root, s, "toxic_binary.csv"))).Rows
    .GroupBy(r => r.Source)
    .SelectMany(g => g.OrderBy(r => StableOrder(r.Text)).Take(perSource))
    .ToList();
Console.WriteLine($"{rows.Count:N0} rows");
var embeddings = EmbeddingCache.Load(rows.Select(r => r.Text).ToList(), cache);
var normalised = rows.Select(r => TextNormaliser.Normalise(r.Text)).ToArray();
var lexicon = normalised.Select(n => LexiconFeatures.Analyse(n).Features).ToArray();

var variants = new (string Name, bool Embedding, bool Ngrams, bool Lexicon)[]
{
    ("ngrams+lexicon (same sample)", false, true, true), ("minilm", true, false, false), ("minilm+lexicon", true, false, true), ("minilm+ngrams+lexicon", true, true, true),
};
var results = new List<FoldResult>();
var thresholds = new Dictionary<string, double>();
foreach (var variant in variants)
{
    var folds = new List<(CrossSourceFold Fold, List<ScoredRow> Rows)>();
    foreach (var fold in CrossSourceFold.Standard)
    {
        var train = Enumerable.Range(0, rows.Count).Where(i => !fold.HeldOut.Contains(rows[i].Source)).ToList();
        var test = Enumerable.Range(0, rows.Count).Where(i => fold.HeldOut.Contains(rows[i].Source) && fold.Evaluate(rows[i])).ToList();
        var positives = train.Count(i => rows[i].Toxic);
        var ml = new MLContext(1);
        Input Make(int i) => new()
        {
            Text = normalised[i].Text, Embedding = embeddings[i], Lexicon = lexicon[i], Label = rows[i].Toxic,
            Weight = rows[i].Toxic ? 0.5f * train.Count / positives : 0.5f * train.Count / (train.Count - positives),
        };
        var columns = variant.Embedding ? new List<string> { "Embedding" } : [];
        IEstimator<ITransformer> pipeline = new EstimatorChain<ITransformer>();
        if (variant.Ngrams)
        {
            pipeline = pipeline.Append(ml.Transforms.Text.FeaturizeText("TextFeatures", new TextFeaturizingEstimator.Options
            {
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false },
                KeepPunctuations = false,
            }, "Text"));
            columns.Add("TextFeatures");
        }

        if (variant.Lexicon) columns.Add("Lexicon");
        var estimator = pipeline
            .Append(ml.Transforms.Concatenate("Features", [.. columns]))
            .AppendCacheCheckpoint(ml)
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new() { ExampleWeightColumnName = "Weight", L2Regularization = 1, NumberOfThreads = 1 }));
        var model = estimator.Fit(ml.Data.LoadFromEnumerable(train.Select(Make)));
        var scores = model.Transform(ml.Data.LoadFromEnumerable(test.Select(Make))).GetColumn<float>("Probability").ToArray();
        folds.Add((fold, test.Select((i, k) => new ScoredRow(rows[i].Text, rows[i].Source, rows[i].Toxic, scores[k])).ToList()));
        Console.WriteLine($"{DateTime.Now:HH:mm:ss} {variant.Name} / {fold.Name} done");
    }

    var threshold = ThresholdPicker.ForCleanHoldRate(folds.Where(f => f.Fold.SetsThreshold).SelectMany(f => f.Rows).Where(r => !r.Toxic).Select(r => (r.Score, r.Source)), 0.05);
    thresholds[variant.Name] = threshold;
    foreach (var (fold, scored) in folds)
    {
        var report = EvaluationReport.From(scored, threshold);
        results.Add(new FoldResult(variant.Name, fold.Name, report.Count, report.Toxic, report.RocAuc, report.AtThreshold.Recall, report.AtThreshold.CleanHeldRate, report.AtThreshold.Precision));
    }
}

var markdown = new CrossSourceReport(results, thresholds, 0.05).ToMarkdown();
Console.WriteLine(markdown);
if (args.Length > 2) File.WriteAllText(args[2], markdown);

static ulong StableOrder(string text)
{
    var hash = 14695981039346656037UL;
    foreach (var ch in text) hash = (hash ^ ch) * 1099511628211UL;
    return hash;
}

internal sealed class Input
{
    public string Text { get; set; } = "";

    [VectorType(EmbeddingCache.Dimensions)]
    public float[] Embedding { get; set; } = [];

    [VectorType(LexiconFeatures.Count)]
    public float[] Lexicon { get; set; } = [];

    public bool Label { get; set; }

    public float Weight { get; set; }
}
