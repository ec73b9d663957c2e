using Microsoft.AspNetCore.Http;
using Moderation.Redis.Capacity;

namespace Moderation.Api.Capacity;

/// <summary>
/// Refuses every write (a POST, PUT, PATCH or DELETE route not marked <see cref="StoresNothing"/>) with a 503 while the
/// store is full, before its handler runs: nothing is changed, and reads keep working. One check at the door covers
/// every write path (comments, votes, decisions, reports, reactions, edits, imports), and the grain state writes that
/// only those requests cause. Below the warning mark it reads one volatile field: nothing measurable on the vote path.
/// A route marked <see cref="FreesSpace"/> (a reader's erasure) passes until the store reaches its erasure ceiling.
/// </summary>
public sealed class StoreFullGate(RequestDelegate next, StoreCapacity capacity)
{
    public const string ProblemType = "urn:moderation:problem:store-full";

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not { } endpoint || !IsWrite(context.Request.Method, endpoint) || !capacity.IsFullNow())
        {
            return next(context);
        }

        if (endpoint.Metadata.GetMetadata<FreesSpace>() is not null && !capacity.RefusesErasureNow())
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Problem(context.Response, capacity).ExecuteAsync(context);
    }

    /// <summary>The 503 of a full store (with its Retry-After header): nothing was changed.</summary>
    public static IResult Problem(HttpResponse response, StoreCapacity capacity)
    {
        response.Headers.RetryAfter = "60";
        var reading = capacity.Last;
        return Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The store is full",
            type: ProblemType,
            detail: $"The embedded store's memory is {reading?.Fill:P0} used, past the {reading?.Marks.RefuseAt:P0} at which writes are "
                + "refused so that no stored record is dropped; nothing was changed and reads still work. The operator can raise "
                + "Storage:EmbeddedMemoryBytes and restart, or move the service to redis-server (ConnectionStrings:Redis).");
    }

    private static bool IsWrite(string method, Endpoint endpoint) =>
        (HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method))
        && endpoint.Metadata.GetMetadata<StoresNothing>() is null;
}
