using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Moderation.Api.Cors;

public static class CorsSetup
{
    private static readonly string[] AllowedMethods = ["GET", "POST", "PUT", "DELETE"];
    private static readonly string[] AllowedHeaders = ["Authorization", "Content-Type", "Idempotency-Key", "Last-Event-ID"];
    private static readonly string[] ExposedHeaders = ["Location", "Retry-After"];

    public static IServiceCollection AddApiCors(this IServiceCollection services)
    {
        services.AddOptions<ApiCorsOptions>().BindConfiguration(ApiCorsOptions.Section)
            .Validate(options => options.IsValid(),
                "Cors:AllowedOrigins must be exact origins such as https://news.example.org (no path, no wildcard); Cors:PreflightMaxAge must not be negative.")
            .ValidateOnStart();
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<ApiCorsOptions>>((cors, api) => cors.AddDefaultPolicy(policy => policy
                .WithOrigins(api.Value.AllowedOrigins)
                .WithMethods(AllowedMethods)
                .WithHeaders(AllowedHeaders)
                .WithExposedHeaders(ExposedHeaders)
                .SetPreflightMaxAge(api.Value.PreflightMaxAge)));
        return services;
    }

    /// <summary>
    /// Answers preflights from the configured origins and marks their responses readable; ignores every other origin.
    /// Goes before the static files too: a news site's page loads the widgets as module scripts, which browsers
    /// fetch from another origin only with CORS.
    /// </summary>
    public static IApplicationBuilder UseApiCors(this IApplicationBuilder app) => app.UseCors();
}
