namespace Moderation.Api.Telemetry;

public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>How often the moderation queue sizes are read from Redis for the queue-size gauge.</summary>
    public TimeSpan QueueSampleInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>An OpenTelemetry collector to push metrics to over OTLP (e.g. http://otel-collector:4317); empty: none.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>Serve the metrics in Prometheus text format at /metrics (the exporter package is a beta).</summary>
    public bool Prometheus { get; set; }
}
