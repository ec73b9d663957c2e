namespace Moderation.Toxicity.Retraining;

/// <summary>A moderator's decision on a comment, which becomes a training example.</summary>
/// <param name="Text">The comment as posted.</param>
/// <param name="Toxic">The moderator's verdict.</param>
/// <param name="ModelScore">The score the model gave when the comment was posted, if it was scored.</param>
/// <param name="ModelVersion">The model version that gave that score.</param>
/// <param name="Moderator">Who decided.</param>
/// <param name="DecidedAt">When.</param>
public sealed record LabelledExample(string Text, bool Toxic, double? ModelScore, string? ModelVersion, string Moderator, DateTimeOffset DecidedAt);
