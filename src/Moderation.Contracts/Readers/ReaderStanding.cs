namespace Moderation.Contracts.Readers;

/// <summary>Whether a reader may post and vote.</summary>
/// <param name="ReaderId">The reader.</param>
/// <param name="Banned">True while banned.</param>
/// <param name="Reason">Why, while banned.</param>
/// <param name="BannedBy">The moderator who banned, while banned.</param>
/// <param name="BannedAt">When, while banned.</param>
[GenerateSerializer, Immutable, Alias("moderation.reader-standing")]
public sealed record ReaderStanding(
    [property: Id(0)] string ReaderId,
    [property: Id(1)] bool Banned,
    [property: Id(2)] string? Reason,
    [property: Id(3)] string? BannedBy,
    [property: Id(4)] DateTimeOffset? BannedAt);

/// <summary>A moderator's ban.</summary>
/// <param name="ModeratorId">Who bans.</param>
/// <param name="Reason">Why.</param>
/// <param name="RejectPending">Also reject the reader's comments waiting for a moderator.</param>
/// <param name="At">When.</param>
[GenerateSerializer, Immutable, Alias("moderation.ban-order")]
public sealed record BanOrder(
    [property: Id(0)] string ModeratorId,
    [property: Id(1)] string Reason,
    [property: Id(2)] bool RejectPending,
    [property: Id(3)] DateTimeOffset At);
