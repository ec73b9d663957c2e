using Microsoft.AspNetCore.Http;
using Moderation.Redis.Capacity;

namespace Moderation.Api.Capacity;

/// <summary>
/// Refuses every write (a POST, PUT, PATCH or DELETE route not marked <see cref="StoresNothing"/>) with a 503 while the
/// store is full, before its handler runs: nothing is changed, and reads keep working. One check at the door covers
/// every write path (comments, votes, decisions, reports, reactions, edits, imports), and the grain state writes that
/// only those requests cause. Below the warning mark it reads one volatile field: nothing measurable on the vote path.
/// </summary>
public sealed class StoreFullGate(RequestDelegate next, StoreCapacity capacity)
{
    public const string ProblemType = "urn:moderation:problem:store-full";

    public Task InvokeAsync(HttpContext context)
    {
        if (!IsWrite(context) || !capacity.IsFullNow())
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "60";
        var reading = capacity.Last;
        return Results.Problem(
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "The store is full",
            type: ProblemType,
            detail: $"The embedded store's memory is {reading?.Fill:P0} used, past the {reading?.Marks.RefuseAt:P0} at which writes are "
                + "refused so that no stored record is dropped; nothing was changed and reads still work. The operator can raise "
                + "Storage:EmbeddedMemoryBytes and restart, or move the service to redis-server (ConnectionStrings:Redis).")
            .ExecuteAsync(context);
    }

    private static bool IsWrite(HttpContext context) =>
        (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)
            || HttpMethods.IsPatch(context.Request.Method) || HttpMethods.IsDelete(context.Request.Method))
        && context.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<StoresNothing>() is null;
}
