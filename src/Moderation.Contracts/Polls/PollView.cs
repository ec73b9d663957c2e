namespace Moderation.Contracts.Polls;

/// <summary>A poll with its current status.</summary>
/// <param name="Definition">What the editor created.</param>
/// <param name="Closed">True once an editor closed it; a poll past its closesAt is closed as well.</param>
[GenerateSerializer, Immutable, Alias("moderation.poll-view")]
public sealed record PollView([property: Id(0)] PollDefinition Definition, [property: Id(1)] bool Closed)
{
    /// <summary>Whether votes are refused at <paramref name="now"/>.</summary>
    public bool IsClosedAt(DateTimeOffset now) => Closed || Definition.ClosesAt <= now;

    /// <summary>Whether the poll is still waiting for its opensAt at <paramref name="now"/>.</summary>
    public bool IsScheduledAt(DateTimeOffset now) => Definition.OpensAt > now;
}
