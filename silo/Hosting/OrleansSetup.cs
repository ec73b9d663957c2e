using System.Net;
using Microsoft.AspNetCore.Builder;
using Moderation.Grains;
using Moderation.Silo.Storage;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Moderation.Silo.Hosting;

internal static class OrleansSetup
{
    public static void AddModerationSilo(this WebApplicationBuilder builder, StoreMode store, StorageOptions storage)
    {
        var options = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        builder.UseOrleans(silo =>
        {
            if (store.IsEmbedded)
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            }
            else
            {
                silo.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = options.ClusterId;
                    cluster.ServiceId = options.ServiceId;
                });
                silo.UseRedisClustering(clustering => clustering.ConfigurationOptions = RedisOptions(store));
                if (string.IsNullOrWhiteSpace(options.AdvertisedAddress))
                {
                    silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort);
                }
                else
                {
                    silo.ConfigureEndpoints(IPAddress.Parse(options.AdvertisedAddress), options.SiloPort, options.GatewayPort);
                }
            }

            silo.AddModerationGrains(store.ConnectionString, storage.WriteConnections);
        });
    }

    private static ConfigurationOptions RedisOptions(StoreMode store)
    {
        var redis = ConfigurationOptions.Parse(store.ConnectionString);
        redis.AbortOnConnectFail = false;
        return redis;
    }
}
