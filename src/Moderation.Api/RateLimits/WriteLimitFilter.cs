using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Auth;

namespace Moderation.Api.RateLimits;

/// <summary>Counts a write against its reader's and its client address's limits before the handler runs; 429 when either is full.</summary>
public sealed class WriteLimitFilter(WriteKind kind) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var readerId = http.User.Identity?.IsAuthenticated == true ? http.User.FindFirst(ClaimNames.Subject)?.Value : null;
        var limiter = http.RequestServices.GetRequiredService<WriteRateLimiter>();
        if (await limiter.TryAcquireAsync(kind, readerId, http.Connection.RemoteIpAddress) is not { } wait)
        {
            return await next(context);
        }

        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: $"Too many {Describe(kind)} from you in a short time: try again in {seconds} s.",
            type: "https://www.rfc-editor.org/rfc/rfc6585#section-4");
    }

    private static string Describe(WriteKind kind) => kind switch
    {
        WriteKind.Vote => "votes",
        WriteKind.Comment => "comments",
        WriteKind.Report => "reports",
        _ => "anonymous tokens",
    };
}
