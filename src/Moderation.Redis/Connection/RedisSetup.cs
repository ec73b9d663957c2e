using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moderation.Redis.Capacity;
using Moderation.Redis.Comments;
using Moderation.Redis.Model;
using Moderation.Redis.ModerationFeed;
using Moderation.Redis.Moderators;
using Moderation.Redis.Polls;
using Moderation.Redis.RateLimits;
using Moderation.Redis.Readers;
using Moderation.Redis.Rules;
using Moderation.Redis.Webhooks;
using StackExchange.Redis;

namespace Moderation.Redis.Connection;

public static class RedisSetup
{
    /// <summary>Default number of connections that durable writes spread over (see <see cref="RedisWriteConnections"/>).</summary>
    public const int DefaultWriteConnections = 1;

    /// <summary>
    /// The connections (one for reads and pub/sub, <paramref name="writeConnections"/> for durable writes, one for the
    /// gates) and every reader and writer of the key families. Safe to call twice: the first call's choices stand.
    /// </summary>
    public static IServiceCollection AddModerationRedis(
        this IServiceCollection services, string connectionString, int writeConnections = DefaultWriteConnections)
    {
        services.TryAddSingleton<IConnectionMultiplexer>(_ =>
            ConnectionMultiplexer.Connect(RedisConfiguration.Options(connectionString, "moderation")));
        services.TryAddSingleton(new RedisWriteConnections(connectionString, writeConnections));
        services.TryAddSingleton(services => new GateConnection(connectionString));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StoreCapacity>();

        services.TryAddSingleton<VoteStore>();
        services.TryAddSingleton<ResultsPublisher>();
        services.TryAddSingleton<TimelineStore>();
        services.TryAddSingleton<AddressStore>();
        services.TryAddSingleton<PollIndex>();
        services.TryAddSingleton<CommentParts>();
        services.TryAddSingleton<CommentStore>();
        services.TryAddSingleton<CommentPosting>();
        services.TryAddSingleton<CommentCounts>();
        services.TryAddSingleton<CommentRecount>();
        services.TryAddSingleton<CommentEvents>();
        services.TryAddSingleton<ThreadStore>();
        services.TryAddSingleton<ReactionStore>();
        services.TryAddSingleton<EditStore>();
        services.TryAddSingleton<ReaderNotices>();
        services.TryAddSingleton<FeatureStore>();
        services.TryAddSingleton<ReaderCommentStore>();
        services.TryAddSingleton<TouchedArticles>();
        services.TryAddSingleton<CommentKeyMigration>();
        services.TryAddSingleton<CommentIndexBackfill>();
        services.TryAddSingleton<DecisionStore>();
        services.TryAddSingleton<QueueStore>();
        services.TryAddSingleton<AuditStore>();
        services.TryAddSingleton<FeedbackRecords>();
        services.TryAddSingleton<BannedReaders>();
        services.TryAddSingleton<ReaderHistories>();
        services.TryAddSingleton<PostGate>();
        services.TryAddSingleton<WindowCounters>();
        services.TryAddSingleton<LabelRecords>();
        services.TryAddSingleton<ModelVersionRecords>();
        services.TryAddSingleton<WordListRecords>();
        services.TryAddSingleton<TrustRecords>();
        services.TryAddSingleton<FeedRecords>();
        services.TryAddSingleton<WebhookRecords>();
        services.TryAddSingleton<WebhookSubscriptions>();
        services.TryAddSingleton<WebhookOutbox>();
        services.TryAddSingleton<PendingGrainEvents>();
        services.TryAddSingleton<DeliveryStore>();
        services.TryAddSingleton<ErasureJobs>();
        services.TryAddSingleton<ReaderFootprint>();
        services.TryAddSingleton<ReaderRecords>();
        services.TryAddSingleton<ReaderErasureStore>();
        services.TryAddSingleton<RejectedTextRetention>();
        return services;
    }
}
