using Microsoft.Extensions.Diagnostics.HealthChecks;
using Moderation.Redis.Capacity;

namespace Moderation.Api.Capacity;

/// <summary>
/// Degraded (readiness still 200) from the warning mark on, and while writes are refused: reads still work, and every
/// silo shares the one store, so taking silos out of a load balancer would only stop the reads too.
/// </summary>
public sealed class StoreCapacityHealthCheck(StoreCapacity capacity) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(capacity.Last switch
        {
            not null when capacity.HasDroppedRecords => HealthCheckResult.Degraded(
                "The embedded store has dropped records since this process started: acknowledged writes may be lost (see the log). Move to redis-server."),
            null => HealthCheckResult.Healthy("Not guarded: the store keeps what outgrows its memory (redis-server, or the embedded store's storage tier)."),
            { Level: StoreFillLevel.Full } reading => HealthCheckResult.Degraded(
                $"The embedded store is {reading.Fill:P0} full: writes are refused (503) from {reading.Marks.RefuseAt:P0}. Raise Storage:EmbeddedMemoryBytes or move to redis-server."),
            { Level: StoreFillLevel.Warning } reading => HealthCheckResult.Degraded(
                $"The embedded store is {reading.Fill:P0} full: writes will be refused from {reading.Marks.RefuseAt:P0}. Raise Storage:EmbeddedMemoryBytes or move to redis-server."),
            var reading => HealthCheckResult.Healthy($"The embedded store is {reading.Fill:P0} full; writes are refused from {reading.Marks.RefuseAt:P0}."),
        });
}
