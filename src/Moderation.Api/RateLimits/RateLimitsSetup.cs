using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Moderation.Api.RateLimits;

public static class RateLimitsSetup
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(options => options.IsValid(), "RateLimits: every PerReader and PerIp must be 0 or more and every Window positive.")
            .ValidateOnStart();
        services.AddSingleton<GateConnection>();
        services.AddSingleton<WriteRateLimiter>();
        return services;
    }

    /// <summary>Limits this endpoint as a write of the given kind, per reader and per client address.</summary>
    public static RouteHandlerBuilder WriteLimited(this RouteHandlerBuilder builder, WriteKind kind) =>
        builder.AddEndpointFilter(new WriteLimitFilter(kind)).ProducesProblem(StatusCodes.Status429TooManyRequests);
}
