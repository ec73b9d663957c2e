using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace Moderation.Api.Tests.Auth;

[Collection(SiloCollection.Name)]
public sealed class AuthorizationServicesTests(SharedSilo silo)
{
    [Theory]
    [InlineData(typeof(IPolicyEvaluator))]
    [InlineData(typeof(IAuthorizationService))]
    [InlineData(typeof(IAuthorizationPolicyProvider))]
    [InlineData(typeof(IAuthorizationMiddlewareResultHandler))]
    public void Authorization_services_are_made_once_for_the_process_not_per_request(Type service)
    {
        using var first = silo.Factory.Services.CreateScope();
        using var second = silo.Factory.Services.CreateScope();

        Assert.Same(first.ServiceProvider.GetRequiredService(service), second.ServiceProvider.GetRequiredService(service));
    }

    [Fact]
    public void The_frameworks_own_authorization_service_is_kept()
    {
        var service = silo.Factory.Services.GetRequiredService<IAuthorizationService>();

        Assert.StartsWith("Microsoft.AspNetCore.Authorization.", service.GetType().FullName);
    }
}
