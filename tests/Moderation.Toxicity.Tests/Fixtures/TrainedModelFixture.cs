using Moderation.Toxicity.Data;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Tests.Fixtures;

/// <summary>One small model trained once and shared by the tests of a collection (training takes a second or two).</summary>
public sealed class TrainedModelFixture
{
    public TrainedModelFixture()
    {
        Rows = FixtureData.Comments();
        Result = ToxicityTrainer.Train(Rows, new TrainingOptions { Variant = Variant, ValidationFraction = 0.25, Version = "fixture-1" });
    }

    /// <summary>A light variant (word n-grams, short char n-grams, lexicon) so that tests train fast.</summary>
    public static ModelVariant Variant { get; } = new("test", WordNgrams: 2, CharNgrams: 3, Lexicon: true, Weighting: SampleWeighting.SourceBalanced);

    internal List<LabelledText> Rows { get; }

    public TrainingResult Result { get; }

    public LoadedModel Model => Result.Model;
}

[CollectionDefinition(Name)]
public sealed class TrainedModelCollection : ICollectionFixture<TrainedModelFixture>
{
    public const string Name = "trained model";
}
