using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Health;
using Moderation.Toxicity.Scoring;

namespace Moderation.Api.Toxicity;

public static class ToxicitySetup
{
    /// <summary>The model host over the cluster's model store, loaded at start, checked by readiness.</summary>
    public static IServiceCollection AddToxicity(this IServiceCollection services)
    {
        services.AddSingleton<ModelHost>();
        services.AddTransient<ToxicityScorer>(provider => provider.GetRequiredService<ModelHost>().RequireScorer());
        services.AddHostedService<ModelLoading>();
        services.AddHealthChecks().AddCheck<ModelHealthCheck>("model", tags: [HealthApi.ReadyTag]);
        return services;
    }
}
