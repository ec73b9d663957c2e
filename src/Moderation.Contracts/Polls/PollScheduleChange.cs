namespace Moderation.Contracts.Polls;

/// <summary>An editor's change to a poll's schedule; a time not moved stays as it is.</summary>
/// <param name="MovesClosing">Whether <paramref name="ClosesAt"/> replaces the poll's closesAt.</param>
/// <param name="ClosesAt">When voting ends by itself; null for never.</param>
/// <param name="MovesOpening">Whether <paramref name="OpensAt"/> replaces the poll's opensAt.</param>
/// <param name="OpensAt">When voting starts; null for at once.</param>
[GenerateSerializer, Immutable, Alias("moderation.poll-schedule-change")]
public sealed record PollScheduleChange(
    [property: Id(0)] bool MovesClosing,
    [property: Id(1)] DateTimeOffset? ClosesAt,
    [property: Id(2)] bool MovesOpening,
    [property: Id(3)] DateTimeOffset? OpensAt);

/// <summary>What became of a schedule change.</summary>
[GenerateSerializer, Alias("moderation.poll-schedule-outcome")]
public enum PollScheduleOutcome
{
    /// <summary>Stored: the poll answers with the new times.</summary>
    Moved,

    /// <summary>Refused: there is no such poll.</summary>
    UnknownPoll,

    /// <summary>Refused: the poll is closed.</summary>
    Closed,

    /// <summary>Refused: opensAt was to move but the poll has opened already.</summary>
    AlreadyOpen,

    /// <summary>Refused: the poll would close at or before it opens.</summary>
    ClosesBeforeOpening,
}

/// <summary>A schedule change's outcome and the poll as it now stands (null when it does not exist).</summary>
[GenerateSerializer, Immutable, Alias("moderation.poll-schedule-result")]
public sealed record PollScheduleResult([property: Id(0)] PollScheduleOutcome Outcome, [property: Id(1)] PollView? Poll);
