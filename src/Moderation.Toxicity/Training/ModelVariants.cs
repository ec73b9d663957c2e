namespace Moderation.Toxicity.Training;

/// <summary>The named variants compared in docs/toxicity.md; <see cref="Default"/> is the one shipped.</summary>
public static class ModelVariants
{
    /// <summary>Plain FeaturizeText (ML.NET defaults: words, character 3-grams) + SDCA on raw text, unweighted: the issue's baseline.</summary>
    public static readonly ModelVariant Baseline = new("baseline", Normalise: false, WordNgrams: 1, CharNgrams: 3, Lexicon: false, Weighting: SampleWeighting.None, Trainer: LinearTrainer.Sdca);

    public static readonly ModelVariant Normalised = Baseline with { Name = "normalised", Normalise = true };

    public static readonly ModelVariant Lbfgs = new("lbfgs", WordNgrams: 2, CharNgrams: 4, Lexicon: false, Weighting: SampleWeighting.None);

    public static readonly ModelVariant Balanced = Lbfgs with { Name = "balanced", Weighting = SampleWeighting.SourceBalanced };

    public static readonly ModelVariant ClassBalanced = Lbfgs with { Name = "class-balanced", Weighting = SampleWeighting.ClassBalanced };

    public static readonly ModelVariant Lexicon = Balanced with { Name = "lexicon", Lexicon = true };

    public static readonly ModelVariant LexiconClass = ClassBalanced with { Name = "lexicon-class", Lexicon = true };

    public static readonly ModelVariant LexiconWords = Lexicon with { Name = "lexicon-words", CharNgrams = 0 };

    public static readonly ModelVariant LexiconClassStandardised = LexiconClass with { Name = "lexicon-class-std", StandardiseLexicon = true };

    public static readonly ModelVariant LexiconClassStrongL2 = LexiconClass with { Name = "lexicon-class-l2x4", L2 = 4 };

    public static readonly ModelVariant LexiconClassWeakL2 = LexiconClass with { Name = "lexicon-class-l2x0.25", L2 = 0.25f };

    public static readonly ModelVariant LexiconClassCivilHalf = LexiconClass with
    {
        Name = "lexicon-class-civil-half",
        SourceWeights = new Dictionary<string, double> { ["civil_toxic_train"] = 0.5 },
    };

    public static readonly ModelVariant LexiconClassChars3 = LexiconClass with { Name = "lexicon-class-chars3", CharNgrams = 3 };

    public static readonly ModelVariant LexiconClassChars1To4 = LexiconClass with { Name = "lexicon-class-chars1-4", CharAllLengths = true };

    public static readonly ModelVariant LexiconClassMasked = LexiconClass with { Name = "lexicon-class-masked", MaskSingleClassSources = true };

    /// <summary>lexicon-class + the target features (issue 14): who is attacked, threatened, negated, reported.</summary>
    public static readonly ModelVariant Targets = LexiconClass with { Name = "targets", Targets = true };

    /// <summary>targets + lexicon features that ignore negated and reported abusive words.</summary>
    public static readonly ModelVariant TargetsScoped = Targets with { Name = "targets-scoped", ScopedLexicon = true };

    /// <summary>lexicon-class + the project's written sentences (x3): what the sentences alone buy.</summary>
    public static readonly ModelVariant Written = LexiconClass with { Name = "written", WrittenWeight = 3 };

    /// <summary>targets-scoped + the written sentences (x3).</summary>
    public static readonly ModelVariant TargetsWritten = TargetsScoped with { Name = "targets-written", WrittenWeight = 3 };

    public static readonly ModelVariant TargetsWrittenX10 = TargetsWritten with { Name = "targets-written-x10", WrittenWeight = 10 };

    /// <summary>targets-written-x10 whose n-grams see only the writer's own negative words.</summary>
    public static readonly ModelVariant OwnWords = TargetsWrittenX10 with { Name = "own-words", ScopedText = true };

    /// <summary>own-words without the negated and reported abuse counts: what the writer negates or reports adds nothing.</summary>
    public static readonly ModelVariant OwnWordsOnly = OwnWords with { Name = "own-words-only", ScopedAbuseCounts = false };

    /// <summary>own-words-only with the written sentences at x3.</summary>
    public static readonly ModelVariant OwnWordsX3 = OwnWordsOnly with { Name = "own-words-x3", WrittenWeight = 3 };

    /// <summary>own-words-only whose lexicon features still count every abusive word (only the n-grams are scoped).</summary>
    public static readonly ModelVariant OwnWordsFullLexicon = OwnWordsOnly with { Name = "own-words-full-lexicon", ScopedLexicon = false };

    /// <summary>own-words-full-lexicon with the written sentences at x3.</summary>
    public static readonly ModelVariant OwnWordsFullLexiconX3 = OwnWordsFullLexicon with { Name = "own-words-full-lexicon-x3", WrittenWeight = 3 };

    public static readonly ModelVariant Default = OwnWordsFullLexicon;

    public static IReadOnlyList<ModelVariant> All { get; } =
    [
        Baseline, Normalised, Lbfgs, Balanced, ClassBalanced, Lexicon, LexiconClass, LexiconWords,
        LexiconClassStandardised, LexiconClassStrongL2, LexiconClassWeakL2, LexiconClassCivilHalf, LexiconClassChars3, LexiconClassChars1To4,
        LexiconClassMasked, Targets, TargetsScoped, Written, TargetsWritten, TargetsWrittenX10, OwnWords, OwnWordsOnly, OwnWordsX3, OwnWordsFullLexicon, OwnWordsFullLexiconX3,
    ];

    public static ModelVariant Find(string name) =>
        All.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown model variant '{name}'. Known: {string.Join(", ", All.Select(v => v.Name))}.", nameof(name));
}
