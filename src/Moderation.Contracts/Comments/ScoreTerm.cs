namespace Moderation.Contracts.Comments;

/// <summary>A word or phrase that pushed a toxicity score, and how far (log-odds, positive towards toxic).</summary>
/// <param name="Text">The term as the model saw it.</param>
/// <param name="Weight">Its contribution.</param>
[GenerateSerializer, Immutable, Alias("moderation.score-term")]
public sealed record ScoreTerm([property: Id(0)] string Text, [property: Id(1)] double Weight);
