using Microsoft.Extensions.DependencyInjection;

namespace Moderation.Api.Telemetry;

public static class TelemetrySetup
{
    /// <summary>The instruments and the queue-size sampler; exporters are the host's business.</summary>
    public static IServiceCollection AddModerationMetrics(this IServiceCollection services)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section)
            .Validate(options => options.QueueSampleInterval >= TimeSpan.FromSeconds(1), "Telemetry:QueueSampleInterval must be at least 1 s.")
            .Validate(options => string.IsNullOrWhiteSpace(options.OtlpEndpoint) || Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out _),
                "Telemetry:OtlpEndpoint must be an absolute URI such as http://otel-collector:4317.")
            .ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<QueueSizes>();
        services.AddSingleton<ModerationMetrics>();
        // Made at start, so that the queue gauge exists before the first vote or comment asks for the metrics.
        services.AddHostedService(provider =>
        {
            provider.GetRequiredService<ModerationMetrics>();
            return provider.GetRequiredService<QueueSizes>();
        });
        return services;
    }
}
