using Microsoft.Extensions.DependencyInjection;

namespace Moderation.Api.Readers;

public static class ReaderEventsSetup
{
    public static IServiceCollection AddReaderEvents(this IServiceCollection services)
    {
        services.AddSingleton<ReaderNotifier>();
        services.AddSingleton<ReaderEventsHub>();
        return services;
    }
}
