using Microsoft.Extensions.DependencyInjection;

namespace Moderation.Api.ModerationStream;

public static class ModerationStreamSetup
{
    public static IServiceCollection AddModerationStream(this IServiceCollection services)
    {
        services.AddSingleton<ModerationFeed>();
        services.AddSingleton<ModerationEventsHub>();
        return services;
    }
}
