using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Moderation.Api.RateLimits;

public static class RateLimitsSetup
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .Validate(options => options.IsValid(), "RateLimits: every PerReader and PerIp must be 0 or more and every Window positive.")
            .ValidateOnStart();
        services.AddOptions<ClientAddressOptions>().BindConfiguration(ClientAddressOptions.Section)
            .Validate(options => options.IsValid(), "ClientAddress:TrustedProxies must be IP addresses.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ClientAddressOptions>>((forwarded, client) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            foreach (var proxy in client.Value.TrustedProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        services.AddSingleton<WriteRateLimiter>();
        return services;
    }

    /// <summary>Takes the client address from X-Forwarded-For when, and only when, a trusted proxy sent the request.</summary>
    public static IApplicationBuilder UseClientAddresses(this IApplicationBuilder app) => app.UseForwardedHeaders();

    /// <summary>
    /// Limits this endpoint as a write of the given kind, per reader and per client address. Where the operator turned
    /// these limits off (RateLimits:Enabled false, or both of the kind's limits 0) the endpoint gets no filter at all:
    /// a filter costs every request its arguments boxed into an invocation context and an awaited call, even when it
    /// only finds that nothing is limited. The options are read once, when the endpoint is built, as the limiter reads
    /// them (not reloaded while running).
    /// </summary>
    public static RouteHandlerBuilder WriteLimited(this RouteHandlerBuilder builder, WriteKind kind) =>
        builder.AddEndpointFilterFactory((context, next) =>
        {
            if (!Limits(context.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value, kind))
            {
                return next;
            }

            var filter = new WriteLimitFilter(kind);
            return invocation => filter.InvokeAsync(invocation, next);
        }).ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static bool Limits(RateLimitOptions options, WriteKind kind) =>
        options.Enabled && options.For(kind) is { } limit && (limit.PerReader > 0 || limit.PerIp > 0);
}
