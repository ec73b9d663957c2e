using Moderation.Toxicity.Data;
using Moderation.Toxicity.Models;

namespace Moderation.Toxicity.Evaluation;

/// <summary>Scores labelled rows with a model and measures it at its hold threshold (or another).</summary>
public static class ToxicityEvaluator
{
    public static EvaluationReport Evaluate(LoadedModel model, IReadOnlyList<LabelledText> rows, double? threshold = null)
    {
        var scores = model.ScoreBatch(rows.Select(r => r.Text).ToList());
        var scored = rows.Select((r, i) => new ScoredRow(r.Text, r.Source, r.Toxic, scores[i])).ToList();
        return EvaluationReport.From(scored, threshold ?? model.Manifest.HoldThreshold);
    }
}
