using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Moderation.Silo.Web;

/// <summary>Ready once the demo is seeded, so that the first page shown in Development is complete.</summary>
public sealed class DemoSeedingHealthCheck(DemoSeeding seeding) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(seeding switch
        {
            { IsDone: false } => HealthCheckResult.Unhealthy("The demo article is being seeded."),
            // A failed demo must not keep the service from serving: the log says why.
            { Failure: { } failure } => HealthCheckResult.Healthy($"The demo article could not be seeded: {failure}"),
            _ => HealthCheckResult.Healthy("Demo seeding done or not needed."),
        });
}
