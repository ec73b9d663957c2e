using Moderation.Toxicity.Models;

namespace Moderation.Toxicity.Functional;

/// <summary>Scores the functional suite with a model, at the model's hold threshold unless another is given.</summary>
public static class FunctionalEvaluator
{
    public static FunctionalReport Evaluate(LoadedModel model, double? threshold = null) =>
        Evaluate(model, FunctionalSuite.Cases, threshold);

    public static FunctionalReport Evaluate(LoadedModel model, IReadOnlyList<FunctionalCase> cases, double? threshold = null)
    {
        var scores = model.ScoreBatch(cases.Select(c => c.Text).ToList());
        return new FunctionalReport(cases.Select((c, i) => new ScoredCase(c, scores[i])).ToList(), threshold ?? model.Manifest.HoldThreshold);
    }
}
