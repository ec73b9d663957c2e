using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace Moderation.Api.Auth;

/// <summary>
/// The framework's authorization services, made once for the process instead of per request. ASP.NET Core registers them
/// as transient, so every authorized request built the policy evaluator, the authorization service, its policy and handler
/// providers, its evaluator, its context factory, the pass-through handler and the result handler anew (about 1 KB and a
/// dependency graph per vote, measured). None keeps per-request state, and this service's policies need no handler of its
/// own (roles, an authenticated user, one assertion: the pass-through handler checks them all). Call after AddAuthorization;
/// the framework's own implementations stay, only their lifetime changes.
/// </summary>
public static class AuthorizationServices
{
    private static readonly HashSet<Type> Stateless =
    [
        typeof(IAuthorizationService),
        typeof(IAuthorizationPolicyProvider),
        typeof(IAuthorizationHandlerProvider),
        typeof(IAuthorizationEvaluator),
        typeof(IAuthorizationHandlerContextFactory),
        typeof(IPolicyEvaluator),
        typeof(IAuthorizationMiddlewareResultHandler),
    ];

    public static IServiceCollection MakeAuthorizationServicesSingletons(this IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor is { Lifetime: ServiceLifetime.Transient, IsKeyedService: false, ImplementationType: { } implementation }
                && (Stateless.Contains(descriptor.ServiceType)
                    || (descriptor.ServiceType == typeof(IAuthorizationHandler) && implementation == typeof(PassThroughAuthorizationHandler))))
            {
                services[i] = ServiceDescriptor.Singleton(descriptor.ServiceType, implementation);
            }
        }

        return services;
    }
}
