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
/// traffic), classes balanced as in the base model. The vocabulary is every n-gram of the training rows.
/// </summary>
internal static class SiteTextTrainer
{
    public static SiteTextModel Train(IReadOnlyList<SiteRow> rows, float l2, int seed, CancellationToken cancellationToken)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var chars = new Dictionary<string, int>(StringComparer.Ordinal);
        var grams = new List<int>[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            grams[r] = [];
            foreach (var (gram, isChar, _) in SiteNgrams.Enumerate(rows[r].Normalised))
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
        var weights = SampleWeights.Compute(rows.Select(_ => "site").ToList(), rows.Select(r => r.Toxic).ToList(), SampleWeighting.ClassBalanced, null);
        var inputs = rows.Select((row, r) => new SiteTrainingInput
        {
            Features = Vector(grams[r], row.Lexicon, size),
            Label = row.Toxic,
            Weight = weights[r],
        }).ToList();

        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(SiteTrainingInput));
        schema[nameof(SiteTrainingInput.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size + LexiconFeatures.Count);
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
        return new SiteTextModel(words, chars, all[..size], all[size..], linear.Bias);
    }

    private static VBuffer<float> Vector(List<int> grams, float[] lexicon, int size)
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

        return new VBuffer<float>(size + LexiconFeatures.Count, values.Count, [.. values], [.. indices]);
    }

    private sealed class SiteTrainingInput
    {
        public VBuffer<float> Features { get; set; }

        public bool Label { get; set; }

        public float Weight { get; set; }
    }
}
