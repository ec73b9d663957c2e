using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;
using Orleans.Serialization;
using StackExchange.Redis;

namespace Moderation.Grains;

public static class GrainStorage
{
    /// <summary>The durable store (Redis, or the embedded Redis-compatible server) that grain state persists in.</summary>
    public const string Name = "store";

    /// <summary>Grain state in Redis through Orleans' Redis provider, serialized so that every value round-trips.</summary>
    public static ISiloBuilder AddModerationGrainStorage(this ISiloBuilder silo, string redisConnectionString)
    {
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
