using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Moderation.Api.Problems;

public static class ProblemsSetup
{
    public static void AddModerationProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = AddDefaultDetail);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOptions<ApiLimitsOptions>().BindConfiguration(ApiLimitsOptions.Section)
            .Validate(limits => limits.MaxRequestBodyBytes > 0, "Api:MaxRequestBodyBytes must be positive.")
            .ValidateOnStart();
        // Binding failures (malformed JSON, wrong content type, missing body) reach ApiExceptionHandler
        // as exceptions, so they get a problem detail that says what was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
    }

    /// <summary>Gives the bare status codes that the framework answers with (401, 403, 404, 405, 413) a detail saying why.</summary>
    private static void AddDefaultDetail(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
        {
            StatusCodes.Status400BadRequest when context.ProblemDetails.Extensions.ContainsKey("errors") || context.ProblemDetails is Microsoft.AspNetCore.Http.HttpValidationProblemDetails
                => "The request is not valid; errors names each field and what is wrong with it.",
            StatusCodes.Status401Unauthorized => "A valid bearer token is required: signed with this service's key, not expired.",
            StatusCodes.Status403Forbidden => "Your token's roles do not allow this.",
            StatusCodes.Status404NotFound when http.GetEndpoint() is null => $"No route matches {http.Request.Method} {http.Request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Method} is not allowed on {http.Request.Path}.",
            StatusCodes.Status413PayloadTooLarge => "The request body is larger than this service accepts.",
            StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
            _ => null,
        };
    }

    public static void UseModerationProblems(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
    }
}
