using System.Collections.Immutable;
using Moderation.Contracts.Comments;

namespace Moderation.Contracts.Moderators;

/// <summary>A reader's report as moderators see it.</summary>
/// <param name="ReaderId">Who reported.</param>
/// <param name="Reason">offensive, abusive, spam or other.</param>
/// <param name="Note">Free text.</param>
/// <param name="At">When.</param>
[GenerateSerializer, Immutable, Alias("moderation.report-entry")]
public sealed record ReportEntry([property: Id(0)] string ReaderId, [property: Id(1)] string Reason, [property: Id(2)] string Note, [property: Id(3)] DateTimeOffset At);

/// <summary>One comment in a moderation queue with what a moderator needs to decide.</summary>
/// <param name="Comment">The comment.</param>
/// <param name="Reports">Readers' reports on it.</param>
/// <param name="Versions">Its earlier texts when its author edited it, oldest first.</param>
[GenerateSerializer, Immutable, Alias("moderation.queue-item")]
public sealed record QueueItem(
    [property: Id(0)] CommentView Comment, [property: Id(1)] ImmutableArray<ReportEntry> Reports, [property: Id(2)] ImmutableArray<CommentVersion> Versions);

/// <summary>One page of a queue with the sizes of the queues that need work.</summary>
/// <param name="Items">The comments.</param>
/// <param name="NextCursor">Where the next page starts, or null at the end.</param>
/// <param name="Pending">Comments waiting in the pending queue (of the article, or site-wide).</param>
/// <param name="Reported">Comments waiting in the reported queue.</param>
[GenerateSerializer, Immutable, Alias("moderation.queue-page")]
public sealed record QueuePage(
    [property: Id(0)] ImmutableArray<QueueItem> Items,
    [property: Id(1)] string? NextCursor,
    [property: Id(2)] long Pending,
    [property: Id(3)] long Reported);
