using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Auth;
using Moderation.Api.Problems;

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

        return TooManyRequests.Problem(http.Response, wait, "Too many requests", $"Too many {Describe(kind)} from you in a short time");
    }

    private static string Describe(WriteKind kind) => kind switch
    {
        WriteKind.Vote => "votes",
        WriteKind.Comment => "comments",
        WriteKind.Report => "reports",
        WriteKind.Reaction => "reactions",
        _ => "anonymous tokens",
    };
}
