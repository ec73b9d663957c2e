using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Moderation.Http.Health;

namespace Moderation.Api.Health;

public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static void MapHealth(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/health").WithTags("Health");
        group.MapGet("/live", () => TypedResults.Ok(new HealthResponse("Healthy", new Dictionary<string, CheckResponse>())))
            .WithSummary("The process is up.");
        group.MapGet("/ready", Ready).WithSummary("Storage, cache, cluster and model are ready; 503 names what is not. Degraded (200) names what serves reads but not every write.");
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> Ready(
        HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(ReadyTag), cancellationToken);
        var body = new HealthResponse(
            report.Status.ToString(),
            report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new CheckResponse(entry.Value.Status.ToString(), entry.Value.Description, entry.Value.Exception?.Message)));
        // Degraded still serves: a full embedded store refuses writes but answers reads (StoreCapacityHealthCheck).
        return report.Status != HealthStatus.Unhealthy
            ? TypedResults.Ok(body)
            : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
