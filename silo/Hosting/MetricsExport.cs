using Moderation.Api.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Moderation.Silo.Hosting;

/// <summary>
/// OpenTelemetry metrics: the service's meter, Orleans', ASP.NET Core's and the runtime's, sent where
/// Telemetry:OtlpEndpoint says and/or served at /metrics when Telemetry:Prometheus is on. With neither, nothing
/// is collected beyond the instruments themselves.
/// </summary>
internal static class MetricsExport
{
    public const string PrometheusPath = "/metrics";

    public static void AddMetricsExport(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint) && !options.Prometheus)
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("moderation", serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ModerationMetrics.MeterName, "Microsoft.Orleans", "Microsoft.AspNetCore.Hosting",
                    "Microsoft.AspNetCore.Server.Kestrel", "System.Runtime");
                if (Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint))
                {
                    metrics.AddOtlpExporter(otlp => otlp.Endpoint = endpoint);
                }

                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
    }

    public static void MapMetricsExport(this WebApplication app)
    {
        if (app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() is { Prometheus: true })
        {
            app.MapPrometheusScrapingEndpoint(PrometheusPath);
        }
    }
}
