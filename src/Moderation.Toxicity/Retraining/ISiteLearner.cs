using Moderation.Toxicity.Models;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Retraining;

/// <summary>
/// Builds a candidate model from the model in use and the site's own labels (moderator decisions and imported
/// history), and judges both models on held-out site labels that the candidate did not train on.
/// A deployed silo has no base training data: the site's labels are all it learns from.
/// </summary>
public interface ISiteLearner
{
    /// <summary>Trains and judges a candidate; the caller saves and promotes it only when the result says so.</summary>
    SiteLearningResult Learn(
        LoadedModel current,
        IReadOnlyList<LabelledExample> labels,
        SiteLearningOptions options,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default);
}

/// <summary>How a site retrain trains and judges its candidate.</summary>
public sealed record SiteLearningOptions
{
    /// <summary>The candidate's version.</summary>
    public required string Version { get; init; }

    /// <summary>The share of the site's clean labelled comments the candidate's hold threshold may hold.</summary>
    public double TargetCleanHoldRate { get; init; } = 0.05;

    /// <summary>How much lower the candidate's held-out ROC-AUC may be and still count as not worse.</summary>
    public double Tolerance { get; init; }

    public int Seed { get; init; } = 1;
}

/// <summary>What a site retrain produced: the candidate (null when the labels could not train one), both models' figures on the same held-out site labels, and the verdict.</summary>
public sealed record SiteLearningResult(
    LoadedModel? Candidate,
    ModelFigures? Current,
    ModelFigures? CandidateFigures,
    bool Promote,
    string Reason,
    int LabelsUsed,
    int HeldOutLabels);

/// <summary>A model's figures on held-out labels at its own hold threshold.</summary>
public sealed record ModelFigures(double RocAuc, double Threshold, double Precision, double Recall, double CleanHeldRate, int Rows, int Toxic);
