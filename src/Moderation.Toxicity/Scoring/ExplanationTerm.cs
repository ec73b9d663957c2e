namespace Moderation.Toxicity.Scoring;

/// <summary>A word or phrase (as normalised) and how far it pushed the score, in log-odds: positive towards toxic.</summary>
public sealed record ExplanationTerm(string Text, double Weight);
