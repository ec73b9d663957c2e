using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moderation.Grains.Polls;
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
    /// every value round-trips), and the Redis connection that vote shards and result publishing use directly.
    /// </summary>
    public static ISiloBuilder AddModerationGrains(this ISiloBuilder silo, string redisConnectionString)
    {
        silo.Services.TryAddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(redisConnectionString);
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSingleton<VoteStore>();
        silo.Services.AddSingleton<ResultsPublisher>();
        silo.AddStartupTask<PollRecoveryTask>();

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
