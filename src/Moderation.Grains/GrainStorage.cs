using Microsoft.Extensions.DependencyInjection;
using Moderation.Grains.Comments;
using Moderation.Grains.Polls;
using Moderation.Grains.Readers;
using Moderation.Grains.Webhooks;
using Moderation.Redis.Connection;
using Newtonsoft.Json;
using Orleans.Serialization;
using StackExchange.Redis;

namespace Moderation.Grains;

public static class GrainStorage
{
    /// <summary>The durable store (Redis, or the embedded Redis-compatible server) that grain state persists in.</summary>
    public const string Name = "store";

    /// <summary>
    /// The grains and what they stand on: state in Redis through Orleans' Redis provider (serialized so that
    /// every value round-trips), and the key families' readers and writers (<see cref="RedisSetup"/>).
    /// </summary>
    public static ISiloBuilder AddModerationGrains(this ISiloBuilder silo, string redisConnectionString, int writeConnections = RedisSetup.DefaultWriteConnections)
    {
        silo.Services.AddModerationRedis(redisConnectionString, writeConnections);
        // Connect on a startup thread, not inside the first grain call that happens to need a connection.
        silo.AddStartupTask(async (services, _) =>
        {
            services.GetRequiredService<IConnectionMultiplexer>();
            await services.GetRequiredService<RedisWriteConnections>().ConnectAsync();
        });
        // Before the silo takes requests: keys of the earlier comment layouts move into part 0, then the parts are read.
        silo.AddStartupTask<CommentLayoutStartup>(ServiceLifecycleStage.BecomeActive);
        silo.AddStartupTask<PollRecoveryTask>();
        silo.AddStartupTask<CommentRecoveryTask>();
        silo.AddStartupTask<CommentIndexBackfillTask>();
        silo.Services.AddSingleton<CommentRecovery>();
        silo.AddStartupTask<ErasureResumeTask>();
        silo.Services.AddOptions<ErasureOptions>().BindConfiguration("Erasure");
        silo.Services.AddSingleton<GrainEventRecorder>();

        silo.AddRedisGrainStorage(Name, storage =>
        {
            storage.ConfigurationOptions = RedisConfiguration.Options(redisConnectionString, "moderation-grains");
            // A cleared state (an erased reader's standing) leaves no key behind, not even its name.
            storage.DeleteStateOnClear = true;
        });
        // Orleans' JSON settings leave out values equal to the CLR default, so a property initialised to true
        // and set to false came back true after a restart. Every value is written instead.
        silo.Services.PostConfigure<OrleansJsonSerializerOptions>(options =>
            options.JsonSerializerSettings.DefaultValueHandling = DefaultValueHandling.Include);
        return silo;
    }
}
