using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.SiteModels;

/// <summary>
/// A site model fitted on the training labels, with what combining it needs: the base model's log-odds of every
/// training label and the site model's out-of-fold log-odds (each label scored by a site model that did not train
/// on it), so that stacking weights and the hold threshold are fitted on honest scores, never on in-sample ones.
/// </summary>
internal sealed class SiteFit
{
    private SiteFit(SiteTextModel text, double[] baseLogits, double[] outOfFoldSiteLogits, bool[] labels)
    {
        Text = text;
        BaseLogits = baseLogits;
        OutOfFoldSiteLogits = outOfFoldSiteLogits;
        Labels = labels;
    }

    /// <summary>The site model trained on all training labels.</summary>
    public SiteTextModel Text { get; }

    public double[] BaseLogits { get; }

    public double[] OutOfFoldSiteLogits { get; }

    public bool[] Labels { get; }

    public static SiteFit Fit(
        IReadOnlyList<SiteRow> rows,
        double[] baseLogits,
        int folds,
        float l2,
        int seed,
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
            var model = training.Any(r => r.Toxic) && training.Any(r => !r.Toxic) ? SiteTextTrainer.Train(training, l2, seed, cancellationToken) : null;
            foreach (var i in scored)
            {
                outOfFold[i] = model?.Logit(rows[i].Normalised, rows[i].Lexicon) ?? 0;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        progress?.Invoke("Fitting the site model on all training labels", (double)folds / (folds + 1));
        var final = SiteTextTrainer.Train(rows, l2, seed, cancellationToken);
        return new SiteFit(final, baseLogits, outOfFold, rows.Select(r => r.Toxic).ToArray());
    }

    /// <summary>The combination's weights: fitted on the out-of-fold log-odds when stacked, else the fixed blend.</summary>
    public (double BaseWeight, double SiteWeight, double Intercept) Weights(SiteCombination combination) =>
        combination.SiteWeight is { } w ? (1 - w, w, 0) : LogOddsStacker.Fit(BaseLogits, OutOfFoldSiteLogits, Labels);

    /// <summary>The combined probability of every training label from out-of-fold site scores: what the hold threshold is picked on.</summary>
    public double[] OutOfFoldProbabilities((double BaseWeight, double SiteWeight, double Intercept) weights) =>
        BaseLogits.Select((b, i) => LogOddsStacker.Sigmoid(weights.Intercept + weights.BaseWeight * b + weights.SiteWeight * OutOfFoldSiteLogits[i])).ToArray();
}
