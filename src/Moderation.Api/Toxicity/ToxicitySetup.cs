using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Health;
using Moderation.Toxicity.Scoring;
using Moderation.Toxicity.Store;

namespace Moderation.Api.Toxicity;

public static class ToxicitySetup
{
    /// <summary>The model host over a model store in the data directory, loaded at start, checked by readiness.</summary>
    public static IServiceCollection AddToxicity(this IServiceCollection services, string dataDirectory)
    {
        services.AddSingleton<IModelStore>(_ => new FileSystemModelStore(Path.Combine(dataDirectory, "models")));
        services.AddSingleton<ModelHost>();
        services.AddTransient<ToxicityScorer>(provider => provider.GetRequiredService<ModelHost>().RequireScorer());
        services.AddHostedService<ModelLoading>();
        services.AddHealthChecks().AddCheck<ModelHealthCheck>("model", tags: [HealthApi.ReadyTag]);
        return services;
    }
}
