using Microsoft.ML.Data;
using Moderation.Toxicity.Lexicon;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Normalisation;
using Moderation.Toxicity.SiteModels;
using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Scoring;

/// <summary>
/// Scores comments in-process. Thread-safe: each call rents a pooled prediction engine of the current model.
/// <see cref="Use"/> swaps the model atomically: calls already running finish on the old model, the next
/// call uses the new one, and the old model's engines are dropped with it.
/// </summary>
public sealed class ToxicityScorer
{
    private readonly ToxicityScorerOptions _options;
    private PredictionEnginePool _pool;

    public ToxicityScorer(LoadedModel model, ToxicityScorerOptions? options = null)
    {
        _options = options ?? new ToxicityScorerOptions();
        _pool = new PredictionEnginePool(model, _options.MaxIdleEngines);
    }

    /// <summary>Raised after <see cref="Use"/> switched to another model.</summary>
    public event EventHandler<ModelManifest>? ModelChanged;

    public LoadedModel Model => Volatile.Read(ref _pool).Model;

    public string ModelVersion => Model.Version;

    /// <summary>Scores one comment and explains the score.</summary>
    public ToxicityResult Score(string text) => Score(text, _options.ExplanationTerms);

    /// <summary>Scores one comment; <paramref name="explanationTerms"/> 0 skips the explanation (slightly faster).</summary>
    public ToxicityResult Score(string text, int explanationTerms)
    {
        var pool = Volatile.Read(ref _pool);
        var model = pool.Model;
        var input = FeatureRows.ForScoring(text, model.Manifest.Variant.Normalise, out var normalised, out var analysis);
        var engine = pool.Rent();
        try
        {
            var output = engine.Predict(input);
            var site = model.Site;
            var probability = model.Explainer.Probability(output.Features);
            if (site is not null)
            {
                probability = site.Probability(probability, normalised.Text, analysis.Features);
            }

            var hold = probability >= model.Manifest.HoldThreshold;
            var explanation = explanationTerms > 0 && (hold || !_options.ExplainOnlyHeld)
                ? Explain(model, output.Features, normalised, analysis, explanationTerms)
                : [];
            return new ToxicityResult(probability, hold, explanation, model.Version);
        }
        finally
        {
            pool.Return(engine);
        }
    }

    /// <summary>The base model's terms, or for a site-adapted model the terms that moved the combined log-odds.</summary>
    private static IReadOnlyList<ExplanationTerm> Explain(LoadedModel model, in VBuffer<float> features, NormalisedText normalised, LexiconAnalysis analysis, int terms) =>
        model.Site is not { } site
            ? model.Explainer.Explain(features, normalised, analysis, terms)
            : site.Explain(model.Explainer.Explain(features, normalised, analysis, SiteLayer.BaseTermsFor(terms)), normalised.Text, analysis, terms);

    /// <summary>Switches to another model without stopping scoring.</summary>
    public void Use(LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var previous = Interlocked.Exchange(ref _pool, new PredictionEnginePool(model, _options.MaxIdleEngines));
        if (previous.Model != model)
        {
            ModelChanged?.Invoke(this, model.Manifest);
        }
    }
}
