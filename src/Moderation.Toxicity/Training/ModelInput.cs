using Microsoft.ML.Data;
using Moderation.Toxicity.Lexicon;

namespace Moderation.Toxicity.Training;

/// <summary>What the ML.NET pipeline reads: the normalised text and the lexicon features (plus label and weight in training).</summary>
internal class ScoringInput
{
    public string Text { get; set; } = string.Empty;

    [VectorType(LexiconFeatures.Count)]
    public float[] Lexicon { get; set; } = new float[LexiconFeatures.Count];

    [VectorType(TargetFeatures.Count)]
    public float[] Targets { get; set; } = new float[TargetFeatures.Count];
}

internal sealed class TrainingInput : ScoringInput
{
    public bool Label { get; set; }

    public float Weight { get; set; } = 1;
}

/// <summary>The engine's output: only the feature vector; the scorer applies the linear model itself (see FeatureExplainer.Probability).</summary>
internal sealed class ScoringOutput
{
    public VBuffer<float> Features { get; set; }
}
