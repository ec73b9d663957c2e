using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moderation.Grains.Comments;
using Moderation.Grains.Moderators;
using Moderation.Grains.Polls;
using Moderation.Grains.Readers;
using Newtonsoft.Json;
using Orleans.Serialization;
using StackExchange.Redis;

namespace Moderation.Grains;

public static class GrainStorage
{
    /// <summary>The durable store (Redis, or the embedded Redis-compatible server) that grain state persists in.</summary>
    public const string Name = "store";

    /// <summary>Default number of connections that vote shards spread their durable writes over (see <see cref="RedisWriteConnections"/>).</summary>
    public const int DefaultWriteConnections = 1;

    /// <summary>
    /// The grains and what they stand on: state in Redis through Orleans' Redis provider (serialized so that
    /// every value round-trips), and the Redis connection that vote shards and result publishing use directly.
    /// </summary>
    public static ISiloBuilder AddModerationGrains(this ISiloBuilder silo, string redisConnectionString, int writeConnections = DefaultWriteConnections)
    {
        silo.Services.TryAddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(redisConnectionString);
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton(new RedisWriteConnections(redisConnectionString, writeConnections));
        silo.Services.AddSingleton<VoteStore>();
        silo.Services.AddSingleton<ResultsPublisher>();
        // Connect on a startup thread, not inside the first grain call that happens to need a connection.
        silo.AddStartupTask(async (services, _) =>
        {
            services.GetRequiredService<IConnectionMultiplexer>();
            await services.GetRequiredService<RedisWriteConnections>().ConnectAsync();
        });
        silo.AddStartupTask<PollRecoveryTask>();
        silo.AddStartupTask<CommentRecoveryTask>();
        silo.Services.AddSingleton<CommentStore>();
        silo.Services.AddSingleton<CommentCounts>();
        silo.Services.AddSingleton<CommentRecount>();
        silo.Services.AddSingleton<CommentRecovery>();
        silo.Services.AddSingleton<CommentEvents>();
        silo.Services.AddSingleton<ThreadStore>();
        silo.Services.AddSingleton<DecisionStore>();
        silo.Services.AddSingleton<QueueStore>();
        silo.Services.AddSingleton<AuditStore>();
        silo.Services.AddSingleton<BannedReaders>();

        silo.AddRedisGrainStorage(Name, storage =>
        {
            storage.ConfigurationOptions = ConfigurationOptions.Parse(redisConnectionString);
            storage.ConfigurationOptions.AbortOnConnectFail = false;
        });
        // Orleans' JSON settings leave out values equal to the CLR default, so a property initialised to true
        // and set to false came back true after a restart. Every value is written instead.
        silo.Services.PostConfigure<OrleansJsonSerializerOptions>(options =>
            options.JsonSerializerSettings.DefaultValueHandling = DefaultValueHandling.Include);
        return silo;
    }
}
