using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Moderation.Api.Problems;

/// <summary>
/// Turns what escapes an endpoint into a problem detail: request errors keep their own status,
/// an unreachable store is 503 (nothing was changed), anything else is a 500 with no internals shown.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, TitleFor(bad.StatusCode), Describe(bad)),
            Toxicity.ModelUnavailableException unavailable => (StatusCodes.Status503ServiceUnavailable, "Service Unavailable",
                $"No toxicity model is loaded, so nothing can be scored or posted: {unavailable.Message}"),
            RedisException or TimeoutException => (StatusCodes.Status503ServiceUnavailable, "Service Unavailable",
                "The store did not answer; nothing was changed. Try again shortly."),
            _ => (StatusCodes.Status500InternalServerError, "Internal Server Error", "The server failed to handle the request."),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Request {Method} {Path} failed with {Status}", context.Request.Method, context.Request.Path, status);
        }

        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    private static string Describe(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "The request body is larger than this service accepts.",
        StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
        _ when bad.InnerException is System.Text.Json.JsonException json => $"The body is not valid JSON: {json.Message}",
        _ => bad.Message,
    };

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Payload Too Large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported Media Type",
        _ => "Bad Request",
    };
}
