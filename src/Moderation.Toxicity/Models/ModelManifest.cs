using Moderation.Toxicity.Training;

namespace Moderation.Toxicity.Models;

/// <summary>What a model is: its version, when and on what it was trained, how it measured, and its hold threshold.</summary>
public sealed record ModelManifest
{
    public required string Version { get; init; }

    public required DateTimeOffset TrainedAt { get; init; }

    public required int TrainingRows { get; init; }

    /// <summary>Scores at or above this hold a comment for review.</summary>
    public required double HoldThreshold { get; init; }

    public required ModelVariant Variant { get; init; }

    /// <summary>Named figures, e.g. <c>validation.rocAuc</c> or <c>crossSource.wiki_cat.rocAuc</c>.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    public IReadOnlyList<DataSourceInfo> DataSources { get; init; } = [];

    public int NormaliserVersion { get; init; }

    public int LexiconVersion { get; init; }

    /// <summary>The version this one was retrained from.</summary>
    public string? BasedOn { get; init; }

    public string ModelFile { get; init; } = "model.zip";

    /// <summary>The site layer on top of the base model, when the model has learned from a site's moderators.</summary>
    public SiteLayerManifest? Site { get; init; }
}
