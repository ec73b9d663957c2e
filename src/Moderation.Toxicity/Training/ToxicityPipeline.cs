using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Moderation.Toxicity.Training;

/// <summary>Builds the ML.NET estimator for a variant: text n-grams (+ lexicon features) into logistic regression by SDCA.</summary>
internal static class ToxicityPipeline
{
    public const string TextFeatures = "TextFeatures";

    private const string LexiconScaled = "LexiconScaled";

    public static IEstimator<ITransformer> Build(MLContext ml, ModelVariant variant)
    {
        var text = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = variant.WordNgrams, UseAllLengths = true },
            CharFeatureExtractor = variant.CharNgrams > 0
                ? new WordBagEstimator.Options { NgramLength = variant.CharNgrams, UseAllLengths = variant.CharAllLengths }
                : null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };

        IEstimator<ITransformer> pipeline = ml.Transforms.Text.FeaturizeText(TextFeatures, text, nameof(ScoringInput.Text));
        if (variant.Lexicon && variant.StandardiseLexicon)
        {
            pipeline = pipeline.Append(ml.Transforms.NormalizeMeanVariance(LexiconScaled, nameof(ScoringInput.Lexicon), fixZero: true));
        }

        var lexicon = variant.StandardiseLexicon ? LexiconScaled : nameof(ScoringInput.Lexicon);
        // The order here is the order of the explanation's dense features (FeatureRows.ForScoring).
        string[] columns = [TextFeatures, .. variant.Lexicon ? [lexicon] : Array.Empty<string>(), .. variant.Targets ? [nameof(ScoringInput.Targets)] : Array.Empty<string>()];
        pipeline = pipeline.Append(ml.Transforms.Concatenate("Features", columns));

        // Featurised rows are cached: the trainer makes many passes, and without the cache each pass
        // would featurise the text again (a fold took minutes instead of seconds).
        pipeline = pipeline.AppendCacheCheckpoint(ml);

        // One thread: fits are then deterministic, and a silo's cores belong to requests.
        return variant.Trainer switch
        {
            LinearTrainer.Sdca => pipeline.Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(TrainingInput.Label),
                FeatureColumnName = "Features",
                ExampleWeightColumnName = nameof(TrainingInput.Weight),
                L2Regularization = variant.L2,
                NumberOfThreads = 1,
            })),
            _ => pipeline.Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(TrainingInput.Label),
                FeatureColumnName = "Features",
                ExampleWeightColumnName = nameof(TrainingInput.Weight),
                L2Regularization = variant.L2 ?? 1f,
                L1Regularization = variant.L1 ?? 0f,
                MaximumNumberOfIterations = 100,
                NumberOfThreads = 1,
            })),
        };
    }
}
