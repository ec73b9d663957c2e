using System.Collections.Immutable;

namespace Moderation.Contracts.Moderators;

/// <summary>One decision in the audit trail, human or the system's own.</summary>
/// <param name="At">When.</param>
/// <param name="ModeratorId">Who decided; null for the system (the filter).</param>
/// <param name="CommentId">The comment, or null for a decision about a reader.</param>
/// <param name="ReaderId">The reader a ban or unban is about, or null.</param>
/// <param name="Action">hold, approve, reject, delete, ban or unban.</param>
/// <param name="Reason">Why.</param>
/// <param name="Note">Free text.</param>
/// <param name="FromStatus">The comment's status before, or null.</param>
/// <param name="ToStatus">The comment's status after, or null.</param>
/// <param name="Score">The comment's toxicity score, or null.</param>
[GenerateSerializer, Immutable, Alias("moderation.audit-entry")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string? ModeratorId,
    [property: Id(2)] string? CommentId,
    [property: Id(3)] string? ReaderId,
    [property: Id(4)] string Action,
    [property: Id(5)] string? Reason,
    [property: Id(6)] string? Note,
    [property: Id(7)] string? FromStatus,
    [property: Id(8)] string? ToStatus,
    [property: Id(9)] double? Score);

/// <summary>One page of the audit trail, newest first.</summary>
/// <param name="Items">The records.</param>
/// <param name="NextCursor">Where the next page starts, or null at the end.</param>
[GenerateSerializer, Immutable, Alias("moderation.audit-page")]
public sealed record AuditPage([property: Id(0)] ImmutableArray<AuditEntry> Items, [property: Id(1)] string? NextCursor);
