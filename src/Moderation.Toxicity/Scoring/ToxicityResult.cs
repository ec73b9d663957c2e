namespace Moderation.Toxicity.Scoring;

/// <summary>A comment's toxicity score (0..1), whether it reaches the model's hold threshold, why, and which model said so.</summary>
public sealed record ToxicityResult(double Score, bool Hold, IReadOnlyList<ExplanationTerm> Explanation, string ModelVersion);
