using Moderation.Toxicity.Data;

namespace Moderation.Toxicity.Experiments;

/// <summary>
/// One fold of leave-one-source-out validation: the held-out sources are removed from training, and the
/// model is measured on the held-out rows that <see cref="Evaluate"/> selects.
/// </summary>
public sealed record CrossSourceFold(string Name, IReadOnlyList<string> HeldOut, Func<LabelledText, bool> Evaluate)
{
    /// <summary>
    /// The protocol in docs/toxicity.md: each two-class source held out on its own; civil_toxic_train (toxic
    /// only) held out together with wiki_toxicity_testset and measured as civil toxic rows against that
    /// source's clean rows, which no fold model has seen either.
    /// </summary>
    public static IReadOnlyList<CrossSourceFold> Standard { get; } =
    [
        new("davidson", ["davidson"], r => r.Source == "davidson"),
        new("wiki_cat", ["wiki_cat"], r => r.Source == "wiki_cat"),
        new("wiki_toxicity_testset", ["wiki_toxicity_testset"], r => r.Source == "wiki_toxicity_testset"),
        new("stormfront", ["stormfront"], r => r.Source == "stormfront"),
        new("civil+wtt_clean", ["civil_toxic_train", "wiki_toxicity_testset"],
            r => r.Source == "civil_toxic_train" || (r.Source == "wiki_toxicity_testset" && !r.Toxic)),
    ];

    /// <summary>The sources the standard protocol trains and validates on.</summary>
    public static IReadOnlyList<string> StandardSources { get; } =
        ["davidson", "wiki_cat", "wiki_toxicity_testset", "stormfront", "civil_toxic_train"];

    /// <summary>Folds whose clean rows set the cross-source threshold (each source's clean rows once).</summary>
    public bool SetsThreshold => HeldOut.Count == 1;
}
