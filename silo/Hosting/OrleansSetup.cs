using Microsoft.AspNetCore.Builder;
using Moderation.Grains;
using Moderation.Redis.Connection;
using Moderation.Silo.Storage;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Moderation.Silo.Hosting;

internal static class OrleansSetup
{
    public const string DashboardPath = "/dashboard";

    public static void AddModerationSilo(this WebApplicationBuilder builder, StoreMode store, StorageOptions storage)
    {
        var options = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        if (options.Problem() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }

        builder.Services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.Section);
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
                silo.UseRedisClustering(clustering =>
                    clustering.ConfigurationOptions = RedisConfiguration.Options(store.ConnectionString, "moderation-clustering"));
                if (options.ResolveAdvertisedAddress() is { } address)
                {
                    silo.ConfigureEndpoints(address, options.SiloPort, options.GatewayPort);
                }
                else
                {
                    silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort);
                }
            }

            if (DashboardEnabled(builder, options))
            {
                silo.AddDashboard();
            }

            silo.AddModerationGrains(store.ConnectionString, storage.WriteConnections);
        });
    }

    /// <summary>The Orleans Dashboard, where it was added: Development only, since it shows grain state and takes no sign-in.</summary>
    public static void MapDevelopmentDashboard(this WebApplication app)
    {
        var options = app.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        if (app.Environment.IsDevelopment() && options.Dashboard)
        {
            app.MapOrleansDashboard(DashboardPath);
        }
    }

    private static bool DashboardEnabled(WebApplicationBuilder builder, SiloOptions options) =>
        builder.Environment.IsDevelopment() && options.Dashboard;
}
