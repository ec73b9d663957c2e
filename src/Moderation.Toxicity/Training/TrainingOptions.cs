using Moderation.Toxicity.Data;

namespace Moderation.Toxicity.Training;

/// <summary>What to train on and how.</summary>
public sealed record TrainingOptions
{
    /// <summary>CSV files; each file's folder (or file) name becomes its source name.</summary>
    public IReadOnlyList<string> DataPaths { get; init; } = [];

    public CsvColumns Columns { get; init; } = new();

    public ModelVariant Variant { get; init; } = ModelVariants.Default;

    public int Seed { get; init; } = 1;

    /// <summary>Share of rows (by hash of the normalised text, so duplicates stay together) held out to measure the model and pick the threshold.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>The hold threshold is the lowest score that holds at most this share of clean validation comments.</summary>
    public double TargetCleanHoldRate { get; init; } = 0.05;

    /// <summary>A threshold chosen elsewhere (e.g. by cross-source validation); overrides the one picked on the validation split.</summary>
    public double? HoldThreshold { get; init; }

    /// <summary>The version to stamp on the model; default: a UTC timestamp.</summary>
    public string? Version { get; init; }

    /// <summary>Extra metrics to record in the manifest (e.g. cross-source figures).</summary>
    public IReadOnlyDictionary<string, double>? ExtraMetrics { get; init; }

    /// <summary>The version this model was retrained from, if any.</summary>
    public string? BasedOn { get; init; }
}
