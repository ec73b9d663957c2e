namespace Moderation.Toxicity.SiteModels;

/// <summary>
/// How the base model's and the site model's log-odds combine. Stacked fits the weights (logistic regression on
/// both log-odds, out-of-fold); a fixed blend takes <c>(1 - w) · base + w · site</c>; w = 1 is the site model alone.
/// Residual trains the site model with the base model's log-odds as one of its inputs, so its n-grams learn only
/// what the base model misses and the base model's weight is the one that input gets.
/// </summary>
/// <param name="Name">Short name for reports and manifests.</param>
/// <param name="SiteWeight">The fixed weight of the site model's log-odds, or null to fit the weights (stacked or residual).</param>
/// <param name="Residual">The site model learns with the base model's log-odds as an input.</param>
public sealed record SiteCombination(string Name, double? SiteWeight, bool Residual = false)
{
    public static SiteCombination ResidualFit { get; } = new("residual", null, Residual: true);

    public static SiteCombination Stacked { get; } = new("stacked", null);

    public static SiteCombination SiteOnly { get; } = new("site-only", 1);

    public static SiteCombination Blend(double siteWeight) => new($"blend-{siteWeight:0.##}", siteWeight);
}
