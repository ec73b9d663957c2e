using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.SiteModels;

/// <summary>
/// A site model fitted on the training labels, with what combining it needs: the base model's log-odds of every
/// training label and the site model's out-of-fold log-odds (each label scored by a site model that did not train
/// on it), so that stacking weights and the hold threshold are fitted on honest scores, never on in-sample ones.
/// </summary>
internal sealed class SiteFit
{
    private SiteFit(SiteTextModel text, double? residualBaseWeight, double[] baseLogits, double[] outOfFoldSiteLogits, bool[] labels)
    {
        Text = text;
        ResidualBaseWeight = residualBaseWeight;
        BaseLogits = baseLogits;
        OutOfFoldSiteLogits = outOfFoldSiteLogits;
        Labels = labels;
    }

    /// <summary>The site model trained on all training labels.</summary>
    public SiteTextModel Text { get; }

    /// <summary>For a residual fit, the weight the site model gave the base model's log-odds; null otherwise.</summary>
    public double? ResidualBaseWeight { get; }

    public double[] BaseLogits { get; }

    /// <summary>Each label's site log-odds from a model that did not train on it; for a residual fit, the whole combined log-odds.</summary>
    public double[] OutOfFoldSiteLogits { get; }

    public bool[] Labels { get; }

    public static SiteFit Fit(
        IReadOnlyList<SiteRow> rows,
        double[] baseLogits,
        int folds,
        float l2,
        int seed,
        bool residual,
        Action<string, double>? progress,
        CancellationToken cancellationToken)
    {
        var fold = rows.Select(r => (int)(Split.StableHash(r.Normalised, seed + 1) % (ulong)folds)).ToArray();
        var outOfFold = new double[rows.Count];
        for (var k = 0; k < folds; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Invoke($"Fitting the site model, fold {k + 1} of {folds}", (double)k / (folds + 1));
            var training = Enumerable.Range(0, rows.Count).Where(i => fold[i] != k).Select(i => rows[i]).ToList();
            var scored = Enumerable.Range(0, rows.Count).Where(i => fold[i] == k).ToList();
            if (scored.Count == 0)
            {
                continue;
            }

            // A fold without both classes to learn from scores its labels as undecided rather than failing.
            var trainingLogits = residual ? Enumerable.Range(0, rows.Count).Where(i => fold[i] != k).Select(i => baseLogits[i]).ToList() : null;
            var model = training.Any(r => r.Toxic) && training.Any(r => !r.Toxic) ? SiteTextTrainer.Train(training, l2, seed, cancellationToken, trainingLogits) : default;
            foreach (var i in scored)
            {
                outOfFold[i] = model.Model is null ? 0 : model.Model.Logit(rows[i].Normalised, rows[i].Lexicon) + model.BaseWeight * baseLogits[i];
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Invoke("Fitting the site model on all training labels", (double)folds / (folds + 1));
        var (final, baseWeight) = SiteTextTrainer.Train(rows, l2, seed, cancellationToken, residual ? baseLogits : null);
        return new SiteFit(final, residual ? baseWeight : null, baseLogits, outOfFold, rows.Select(r => r.Toxic).ToArray());
    }

    /// <summary>The combination's weights: learned inside the site model when residual, fitted on the out-of-fold log-odds when stacked, else the fixed blend.</summary>
    public (double BaseWeight, double SiteWeight, double Intercept) Weights(SiteCombination combination)
    {
        if (combination.Residual != ResidualBaseWeight.HasValue)
        {
            throw new ArgumentException($"The combination '{combination.Name}' needs a {(combination.Residual ? "residual" : "plain")} site fit.", nameof(combination));
        }

        return ResidualBaseWeight is { } residual ? (residual, 1, 0)
            : combination.SiteWeight is { } w ? (1 - w, w, 0)
            : LogOddsStacker.Fit(BaseLogits, OutOfFoldSiteLogits, Labels);
    }

    /// <summary>The combined probability of every training label from out-of-fold site scores: what the hold threshold is picked on.</summary>
    public double[] OutOfFoldProbabilities((double BaseWeight, double SiteWeight, double Intercept) weights) =>
        ResidualBaseWeight.HasValue
            ? OutOfFoldSiteLogits.Select(LogOddsStacker.Sigmoid).ToArray()
            : BaseLogits.Select((b, i) => LogOddsStacker.Sigmoid(weights.Intercept + weights.BaseWeight * b + weights.SiteWeight * OutOfFoldSiteLogits[i])).ToArray();
}
