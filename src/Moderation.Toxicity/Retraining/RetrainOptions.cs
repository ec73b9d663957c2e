using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Retraining;

/// <summary>How a retrain trains and judges its candidate.</summary>
public sealed record RetrainOptions
{
    /// <summary>The variant to train (default: the current model's).</summary>
    public ModelVariant? Variant { get; init; }

    /// <summary>Held-out share; keep the current model's so both models are judged on rows neither trained on.</summary>
    public double? ValidationFraction { get; init; }

    /// <summary>How much lower the candidate's held-out ROC-AUC may be and still count as "not worse".</summary>
    public double Tolerance { get; init; }

    /// <summary>Moderator feedback rows count this many times a base row (feedback is from the installation's own domain).</summary>
    public double FeedbackWeight { get; init; } = 3;

    /// <summary>With at least this many held-out clean feedback comments, the threshold is picked on them; else the current model's clean-held rate is kept.</summary>
    public int MinCleanFeedbackForThreshold { get; init; } = 50;

    public double TargetCleanHoldRate { get; init; } = 0.05;

    public string? Version { get; init; }

    public int Seed { get; init; } = 1;
}
