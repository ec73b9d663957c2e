using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using StackExchange.Redis;

namespace Moderation.Api.Storage;

public static class RedisSetup
{
    /// <summary>
    /// One multiplexer for the cache and pub/sub. It does not give up when Redis is down at start:
    /// readiness reports the outage and the connection recovers by itself.
    /// </summary>
    public static IServiceCollection AddModerationRedis(this IServiceCollection services, string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ClientName ??= "moderation";
        services.TryAddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        return services;
    }
}
