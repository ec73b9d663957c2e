namespace Moderation.Toxicity.Training;

/// <summary>One way to build the model; cross-source validation compares variants.</summary>
/// <param name="Name">Short name used in reports, manifests and on the command line.</param>
/// <param name="Normalise">Run <see cref="Normalisation.TextNormaliser"/> first (else only lower-casing by ML.NET).</param>
/// <param name="WordNgrams">Word n-grams 1..N.</param>
/// <param name="CharNgrams">Character n-grams of length N (0: none).</param>
/// <param name="CharAllLengths">Character n-grams 1..N instead of exactly N.</param>
/// <param name="Lexicon">Add the lexicon and second-person features.</param>
/// <param name="Weighting">Row weighting against source size and class imbalance.</param>
/// <param name="SourceWeights">Extra per-source multipliers (e.g. 0.5 for a source whose domain would otherwise become a label).</param>
/// <param name="StandardiseLexicon">Scale lexicon features to unit variance (learned, saved in the model), so rare ones are not under-weighted by regularisation.</param>
/// <param name="MaskSingleClassSources">For a training source with only toxic rows (civil_toxic_train), feed the n-gram features only the
/// abusive words and their neighbours: otherwise every word typical of its domain (news topics, politicians' names) becomes evidence of toxicity.</param>
/// <param name="Targets">Add the target features (<see cref="Lexicon.TargetFeatures"/>): a group attacked, dehumanised, excluded or threatened; threats; negated and reported abuse; counter-speech.</param>
/// <param name="ScopedLexicon">Lexicon features ignore abusive words the writer negates or reports ("I don't think X are stupid", "people say X are vermin").</param>
/// <param name="ScopedText">The n-grams do not see negative words the writer negates or reports (they count as negated or reported abuse instead).</param>
/// <param name="ScopedAbuseCounts">With <paramref name="Targets"/>: keep the negated-abuse and reported-abuse counts (false: words the writer negates or reports add nothing at all).</param>
/// <param name="WrittenWeight">When above 0, train on the project's written sentences (<see cref="Written.WrittenExamples"/>) as well, their rows weighted this many times a data row.</param>
/// <param name="Trainer">The logistic-regression trainer.</param>
/// <param name="L2">L2 regularisation (null: the trainer's default).</param>
/// <param name="L1">L1 regularisation (L-BFGS only; makes the model sparser).</param>
public sealed record ModelVariant(
    string Name,
    bool Normalise = true,
    int WordNgrams = 2,
    int CharNgrams = 4,
    bool CharAllLengths = false,
    bool Lexicon = true,
    SampleWeighting Weighting = SampleWeighting.SourceBalanced,
    IReadOnlyDictionary<string, double>? SourceWeights = null,
    bool StandardiseLexicon = false,
    bool MaskSingleClassSources = false,
    bool Targets = false,
    bool ScopedLexicon = false,
    bool ScopedText = false,
    bool ScopedAbuseCounts = true,
    double WrittenWeight = 0,
    LinearTrainer Trainer = LinearTrainer.Lbfgs,
    float? L2 = null,
    float? L1 = null)
{
    public override string ToString() =>
        $"{Name}: normalise={Normalise}, words 1-{WordNgrams}, chars {(CharNgrams == 0 ? "none" : CharAllLengths ? $"1-{CharNgrams}" : CharNgrams.ToString())}, " +
        $"lexicon={Lexicon}{(StandardiseLexicon ? " (standardised)" : "")}{(ScopedLexicon ? " (scoped)" : "")}{(ScopedText ? ", n-grams of own words only" : "")}{(Targets ? ScopedAbuseCounts ? ", target features" : ", target features without scoped abuse counts" : "")}{(WrittenWeight > 0 ? $", written sentences x{WrittenWeight}" : "")}, {(MaskSingleClassSources ? "single-class sources masked, " : "")}weighting={Weighting}{(SourceWeights is { Count: > 0 } ? ", source weights " + string.Join(' ', SourceWeights.Select(kv => $"{kv.Key}={kv.Value}")) : "")}" +
        $", trainer={Trainer}" + (L2 is null ? "" : $", l2={L2}") + (L1 is null ? "" : $", l1={L1}");
}

/// <summary>Which ML.NET trainer fits the logistic regression.</summary>
public enum LinearTrainer
{
    /// <summary>Stochastic dual coordinate ascent, calibrated by Platt scaling.</summary>
    Sdca,

    /// <summary>L-BFGS logistic regression: slower to fit here but better across sources.</summary>
    Lbfgs,
}
