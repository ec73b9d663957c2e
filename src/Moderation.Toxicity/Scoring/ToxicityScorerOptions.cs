namespace Moderation.Toxicity.Scoring;

/// <summary>Scorer settings.</summary>
public sealed record ToxicityScorerOptions
{
    /// <summary>How many explanation terms to return with each score.</summary>
    public int ExplanationTerms { get; init; } = 5;

    /// <summary>
    /// Explain only comments that are held. The explanation adds about a third to a call's CPU time (docs/toxicity.md,
    /// Speed); a hot path that shows explanations only to moderators of held comments can set this.
    /// </summary>
    public bool ExplainOnlyHeld { get; init; }

    /// <summary>Idle prediction engines kept per model; more are created under contention.</summary>
    public int MaxIdleEngines { get; init; } = Math.Max(2, Environment.ProcessorCount * 2);
}
