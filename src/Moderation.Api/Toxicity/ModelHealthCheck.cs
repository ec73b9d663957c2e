using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Moderation.Api.Toxicity;

public sealed class ModelHealthCheck(ModelHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(host.Scorer is { } scorer
            ? HealthCheckResult.Healthy($"Toxicity model {scorer.ModelVersion} loaded.")
            : HealthCheckResult.Unhealthy(host.Failure));
}
