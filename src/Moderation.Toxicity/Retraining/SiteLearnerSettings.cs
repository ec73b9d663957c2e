using Moderation.Toxicity.SiteModels;

namespace Moderation.Toxicity.Retraining;

/// <summary>How <see cref="SiteLearner"/> learns; the defaults are the ones chosen by the experiment in docs/toxicity.md.</summary>
public sealed record SiteLearnerSettings
{
    /// <summary>How the base model's and the site model's log-odds combine.</summary>
    public SiteCombination Combination { get; init; } = SiteCombination.ResidualFit;

    /// <summary>Share of the labels (by a stable hash of the normalised text) kept out of training to judge the models.</summary>
    public double HeldOutFraction { get; init; } = 0.2;

    /// <summary>Fewer toxic or clean labels than this on the training side: no candidate.</summary>
    public int MinTrainingLabelsPerClass { get; init; } = 20;

    /// <summary>Fewer toxic or clean labels than this held out: no candidate, the models could not be compared.</summary>
    public int MinHeldOutLabelsPerClass { get; init; } = 5;

    /// <summary>Folds of the out-of-fold site scores that stacking and the threshold are fitted on.</summary>
    public int StackingFolds { get; init; } = 5;

    /// <summary>L2 regularisation of the site model's logistic regression.</summary>
    public float L2 { get; init; } = 1;
}
