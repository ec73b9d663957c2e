using Orleans.Concurrency;

namespace Moderation.Contracts.Moderators;

/// <summary>Reads of the queues and the audit trail, served by a local worker straight from Redis.</summary>
public interface IModerationQueriesGrain : IGrainWithIntegerKey
{
    /// <summary>A page of one queue, site-wide or of one article; sort is score, oldest or newest.</summary>
    [AlwaysInterleave]
    Task<QueuePage> Queue(string state, string? articleId, string sort, int limit, string? cursor);

    /// <summary>A page of the audit trail, newest first, of everything or of one comment or moderator.</summary>
    [AlwaysInterleave]
    Task<AuditPage> Audit(string? commentId, string? moderatorId, int limit, string? cursor);
}
