using Moderation.Contracts.Moderators;
using Moderation.Redis.Moderators;
using Orleans.Concurrency;

namespace Moderation.Grains.Moderators;

/// <summary>Queue and audit reads on the silo that received the request, straight from Redis.</summary>
[StatelessWorker]
public sealed class ModerationQueriesGrain(QueueStore queues, AuditStore audit) : Grain, IModerationQueriesGrain
{
    public Task<QueuePage> Queue(string state, string? articleId, string sort, int limit, string? cursor) =>
        queues.PageAsync(state, articleId, sort, limit, cursor);

    public Task<AuditPage> Audit(string? commentId, string? moderatorId, int limit, string? cursor) =>
        audit.PageAsync(commentId, moderatorId, limit, cursor);
}
