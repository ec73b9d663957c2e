using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moderation.Contracts.Model;
using Moderation.Redis.Model;
using Moderation.Toxicity.Retraining;

namespace Moderation.Api.Model;

public static class ModelSetup
{
    /// <summary>The learning loop: labels, the model store in Redis (cached in <c>{data}/model-cache</c>), retrain work and automatic retrains.</summary>
    public static IServiceCollection AddModelLearning(this IServiceCollection services, string dataDirectory)
    {
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.Section)
            .Validate(options => options.AutoRetrainLabels >= 0, "Model:AutoRetrainLabels must not be negative.")
            .Validate(options => options.AutoRetrainCheckInterval > TimeSpan.Zero, "Model:AutoRetrainCheckInterval must be positive.")
            .Validate(options => options.TargetCleanHoldRate is > 0 and < 1, "Model:TargetCleanHoldRate must be between 0 and 1.")
            .Validate(options => options.MaxImportBodyBytes > 0, "Model:MaxImportBodyBytes must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new RedisModelStore(provider.GetRequiredService<ModelVersionRecords>(), Path.Combine(dataDirectory, "model-cache")));
        services.AddSingleton<ModelVersions>();
        services.AddSingleton<LabelStore>();
        services.TryAddSingleton<ISiteLearner>(_ => new SiteLearner());
        services.AddSingleton<IRetrainWork, RetrainWork>();
        services.AddHostedService<AutoRetrain>();
        return services;
    }
}
