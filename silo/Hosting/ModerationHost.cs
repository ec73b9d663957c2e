using Moderation.Api;
using Moderation.Api.Cors;
using Moderation.Redis.Capacity;
using Moderation.Redis.Connection;
using Moderation.Silo.Storage;
using Moderation.Silo.Web;

namespace Moderation.Silo.Hosting;

public static class ModerationHost
{
    private const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>The whole service in one process: store, Orleans silo, HTTP API.</summary>
    public static WebApplicationBuilder AddModeration(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.HttpPortsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var storage = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var store = StoreMode.From(builder.Configuration.GetConnectionString("Redis"), storage);
        builder.Services.AddSingleton(store);
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(options => options.CheckpointIntervalSeconds >= 0, "Storage:CheckpointIntervalSeconds must not be negative.")
            .Validate(options => options.WriteConnections is >= 1 and <= 64, "Storage:WriteConnections must be 1 to 64.")
            .Validate(options => options.EmbeddedMemoryBytes > 0, "Storage:EmbeddedMemoryBytes must be positive.")
            .Validate(
                options => new StoreFillMarks(options.EmbeddedWarnAt, options.EmbeddedRefuseWritesAt).IsValid,
                "Storage:EmbeddedWarnAt and Storage:EmbeddedRefuseWritesAt must be fractions of the memory with 0 < EmbeddedWarnAt <= EmbeddedRefuseWritesAt < 1.")
            .ValidateOnStart();
        builder.Services.AddHostedService<EmbeddedStoreLifetime>();
        builder.Services.AddHostedService<EmbeddedStoreCapacityGuard>();
        builder.Services.AddModerationRedis(store.ConnectionString, storage.WriteConnections);

        builder.AddModerationSilo(store, storage);
        builder.AddModerationApi(store.DataDirectory);
        builder.AddMetricsExport();
        builder.AddModerationWeb();
        return builder;
    }

    public static WebApplication MapModeration(this WebApplication app)
    {
        app.UseApiCors();
        app.UseModerationWeb();
        app.MapModerationApi();
        app.MapMetricsExport();
        app.MapDevelopmentDashboard();
        app.Lifetime.ApplicationStarted.Register(() => LogStart(app));
        return app;
    }

    private static void LogStart(WebApplication app)
    {
        var store = app.Services.GetRequiredService<StoreMode>();
        app.Logger.LogInformation(
            "Moderation started ({Environment}): {Store}; data directory {DataDirectory}; listening on {Urls}",
            app.Environment.EnvironmentName, store.Describe(), store.DataDirectory, string.Join(", ", app.Urls));
    }
}
