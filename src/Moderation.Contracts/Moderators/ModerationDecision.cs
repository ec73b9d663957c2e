namespace Moderation.Contracts.Moderators;

/// <summary>A moderator's (or the system's) decision on a comment.</summary>
/// <param name="Action">approve or reject.</param>
/// <param name="Reason">Why; required to reject.</param>
/// <param name="Note">Free text, possibly empty.</param>
/// <param name="Revision">The revision the moderator saw; an older one is refused.</param>
/// <param name="ModeratorId">Who decided.</param>
/// <param name="At">When.</param>
/// <param name="Labelled">Whether the decision judges the text, so that it becomes a retraining example (a ban's rejections do not).</param>
[GenerateSerializer, Immutable, Alias("moderation.decision")]
public sealed record ModerationDecision(
    [property: Id(0)] string Action,
    [property: Id(1)] string? Reason,
    [property: Id(2)] string Note,
    [property: Id(3)] long? Revision,
    [property: Id(4)] string ModeratorId,
    [property: Id(5)] DateTimeOffset At,
    [property: Id(6)] bool Labelled)
{
    /// <summary>Publishes the comment.</summary>
    public const string Approve = "approve";
    /// <summary>Takes the comment out of the thread.</summary>
    public const string Reject = "reject";

    /// <summary>The reason of a rejection that a ban with rejectPending made.</summary>
    public const string BannedReason = "banned";
}
