namespace Moderation.Contracts.Polls;

/// <summary>One reader's vote as it reaches a shard.</summary>
/// <param name="ReaderId">The token's subject.</param>
/// <param name="OptionId">The reader's choice as stored (<see cref="PollChoices"/>): an option id, option ids joined by commas, or a scale value.</param>
/// <param name="IsAnonymous">Whether the token is an anonymous one.</param>
[GenerateSerializer, Immutable, Alias("moderation.ballot")]
public sealed record Ballot([property: Id(0)] string ReaderId, [property: Id(1)] string OptionId, [property: Id(2)] bool IsAnonymous);
