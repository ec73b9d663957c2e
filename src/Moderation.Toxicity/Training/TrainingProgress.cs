namespace Moderation.Toxicity.Training;

/// <summary>A step of training, for progress displays: what is happening and the share done (0..1).</summary>
public sealed record TrainingProgress(string Stage, double Fraction);
