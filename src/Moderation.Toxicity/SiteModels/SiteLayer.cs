using Moderation.Toxicity.Lexicon;
using Moderation.Toxicity.Scoring;

namespace Moderation.Toxicity.SiteModels;

/// <summary>
/// What a site-adapted model adds to its base model: the site's own text model and how the two log-odds combine,
/// <c>intercept + baseWeight · base + siteWeight · site</c>. The base model is asked only for its probability and its
/// explanation terms, so the base can change inside without this layer knowing.
/// </summary>
internal sealed class SiteLayer(SiteTextModel text, double baseWeight, double siteWeight, double intercept)
{
    /// <summary>How many base terms to ask for per term shown: a base term may be outweighed or joined by site terms.</summary>
    private const int BaseTermsPerShownTerm = 4;

    public SiteTextModel Text { get; } = text;

    public double BaseWeight { get; } = baseWeight;

    public double SiteWeight { get; } = siteWeight;

    public double Intercept { get; } = intercept;

    public double Probability(double baseProbability, string normalised, float[] lexicon) =>
        LogOddsStacker.Sigmoid(CombinedLogit(LogOddsStacker.Logit(baseProbability), Text.Logit(normalised, lexicon)));

    public double CombinedLogit(double baseLogit, double siteLogit) => Intercept + BaseWeight * baseLogit + SiteWeight * siteLogit;

    public static int BaseTermsFor(int count) => count * BaseTermsPerShownTerm;

    /// <summary>
    /// The terms that moved the combined log-odds: each base term times the base weight plus each site term times the
    /// site weight, merged by word, the strongest <paramref name="count"/> first.
    /// </summary>
    public IReadOnlyList<ExplanationTerm> Explain(IReadOnlyList<ExplanationTerm> baseTerms, string normalised, LexiconAnalysis lexicon, int count)
    {
        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        if (BaseWeight != 0)
        {
            foreach (var term in baseTerms)
            {
                terms[term.Text] = terms.GetValueOrDefault(term.Text) + BaseWeight * term.Weight;
            }
        }

        if (SiteWeight != 0)
        {
            foreach (var (term, contribution) in Text.Contributions(normalised, lexicon))
            {
                terms[term] = terms.GetValueOrDefault(term) + SiteWeight * contribution;
            }
        }

        return terms
            .Where(t => Math.Abs(t.Value) >= 0.01)
            .OrderByDescending(t => Math.Abs(t.Value))
            .Take(count)
            .Select(t => new ExplanationTerm(t.Key, Math.Round(t.Value, 3)))
            .ToList();
    }
}
