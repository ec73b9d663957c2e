namespace Moderation.Toxicity.Models;

/// <summary>
/// The site layer of a site-adapted model: a text model trained on the site's own labels (in <see cref="File"/>)
/// whose log-odds combine with the base model's as <c>Intercept + BaseWeight · base + SiteWeight · site</c>.
/// </summary>
public sealed record SiteLayerManifest
{
    /// <summary>The version of the base model (model.zip) this layer sits on; retrains keep the base and replace the layer.</summary>
    public required string BaseVersion { get; init; }

    /// <summary>The base model's own hold threshold, so the base can be used alone again.</summary>
    public required double BaseHoldThreshold { get; init; }

    public required DateTimeOffset BaseTrainedAt { get; init; }

    /// <summary>How the weights were chosen, e.g. <c>stacked</c> or <c>blend-0.5</c>.</summary>
    public required string Combination { get; init; }

    public required double BaseWeight { get; init; }

    public required double SiteWeight { get; init; }

    public required double Intercept { get; init; }

    /// <summary>How many site labels the layer was trained on.</summary>
    public int Labels { get; init; }

    public string File { get; init; } = "site.json";
}
