using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Moderation.Toxicity.Lexicon;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.SiteModels;

/// <summary>One site label prepared for the site model: the normalised text, its lexicon features and the verdict.</summary>
internal sealed record SiteRow(string Normalised, float[] Lexicon, bool Toxic);

/// <summary>
/// Fits a <see cref="SiteTextModel"/> with ML.NET's L-BFGS logistic regression on one thread (it runs beside live
/// traffic), classes balanced as in the base model. The vocabulary is every n-gram of the training rows. Given the
/// base model's log-odds of each row, they become one more input, so the n-grams learn what the base model misses.
/// </summary>
internal static class SiteTextTrainer
{
    /// <returns>The site model and the weight it learned for the base model's log-odds (0 when none were given).</returns>
    public static (SiteTextModel Model, double BaseWeight) Train(IReadOnlyList<SiteRow> rows, float l2, int seed, CancellationToken cancellationToken, IReadOnlyList<double>? baseLogits = null)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var chars = new Dictionary<string, int>(StringComparer.Ordinal);
        var grams = new List<int>[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            grams[r] = [];
            foreach (var (gram, isChar) in SiteNgrams.Enumerate(rows[r].Normalised))
            {
                var vocabulary = isChar ? chars : words;
                if (!vocabulary.TryGetValue(gram, out var index))
                {
                    vocabulary[gram] = index = words.Count + chars.Count;
                }

                grams[r].Add(index);
            }
        }

        var size = words.Count + chars.Count;
        var extra = LexiconFeatures.Count + (baseLogits is null ? 0 : 1);
        var weights = SampleWeights.Compute(rows.Select(_ => "site").ToList(), rows.Select(r => r.Toxic).ToList(), SampleWeighting.ClassBalanced, null);
        var inputs = rows.Select((row, r) => new SiteTrainingInput
        {
            Features = Vector(grams[r], row.Lexicon, size, extra, baseLogits?[r]),
            Label = row.Toxic,
            Weight = weights[r],
        }).ToList();

        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(SiteTrainingInput));
        schema[nameof(SiteTrainingInput.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size + extra);
        var data = ml.Data.LoadFromEnumerable(inputs, schema);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = nameof(SiteTrainingInput.Label),
            FeatureColumnName = nameof(SiteTrainingInput.Features),
            ExampleWeightColumnName = nameof(SiteTrainingInput.Weight),
            L2Regularization = l2,
            MaximumNumberOfIterations = 100,
            NumberOfThreads = 1,
        });
        var fitted = trainer.Fit(data);
        cancellationToken.ThrowIfCancellationRequested();

        var linear = fitted.Model.SubModel;
        var all = linear.Weights.ToArray();
        var model = new SiteTextModel(words, chars, all[..size], all[size..(size + LexiconFeatures.Count)], linear.Bias);
        return (model, baseLogits is null ? 0 : all[size + LexiconFeatures.Count]);
    }

    private static VBuffer<float> Vector(List<int> grams, float[] lexicon, int size, int extra, double? baseLogit)
    {
        var counts = new SortedDictionary<int, int>();
        foreach (var index in grams)
        {
            counts[index] = counts.GetValueOrDefault(index) + 1;
        }

        var norm = Math.Sqrt(counts.Values.Sum(c => (double)c * c));
        var indices = new List<int>(counts.Count + LexiconFeatures.Count);
        var values = new List<float>(counts.Count + LexiconFeatures.Count);
        foreach (var (index, count) in counts)
        {
            indices.Add(index);
            values.Add((float)(count / norm));
        }

        for (var k = 0; k < LexiconFeatures.Count; k++)
        {
            if (lexicon[k] != 0)
            {
                indices.Add(size + k);
                values.Add(lexicon[k]);
            }
        }

        if (baseLogit is { } logit)
        {
            indices.Add(size + LexiconFeatures.Count);
            values.Add((float)logit);
        }

        return new VBuffer<float>(size + extra, values.Count, [.. values], [.. indices]);
    }

    private sealed class SiteTrainingInput
    {
        public VBuffer<float> Features { get; set; }

        public bool Label { get; set; }

        public float Weight { get; set; }
    }
}
