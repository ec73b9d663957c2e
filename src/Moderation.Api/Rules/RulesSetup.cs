using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Trust;

namespace Moderation.Api.Rules;

public static class RulesSetup
{
    public static IServiceCollection AddRules(this IServiceCollection services)
    {
        services.AddOptions<RulesOptions>().BindConfiguration(RulesOptions.Section)
            .Validate(options => options.RefreshInterval > TimeSpan.Zero, "Rules:RefreshInterval must be positive.")
            .Validate(options => options.MaxEntries >= 1, "Rules:MaxEntries must be at least 1.")
            .Validate(options => options.MaxEntryLength >= 1, "Rules:MaxEntryLength must be at least 1.")
            .Validate(options => options.MaxBodyBytes >= 1024, "Rules:MaxBodyBytes must be at least 1024.")
            .ValidateOnStart();
        services.AddSingleton<SiteWordLists>();
        services.AddHostedService(provider => provider.GetRequiredService<SiteWordLists>());
        services.AddSingleton<SiteTrust>();
        services.AddHostedService(provider => provider.GetRequiredService<SiteTrust>());
        return services;
    }
}
