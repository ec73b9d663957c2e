using Microsoft.Extensions.DependencyInjection;

namespace Moderation.Api.Polls;

public static class PollsSetup
{
    public static IServiceCollection AddPolls(this IServiceCollection services)
    {
        services.AddOptions<PollsOptions>().BindConfiguration(PollsOptions.Section)
            .Validate(options => options.ShardCount is >= 1 and <= 1024, "Polls:ShardCount must be between 1 and 1024.")
            .Validate(options => options.KeepAliveInterval > TimeSpan.Zero, "Polls:KeepAliveInterval must be positive.")
            .Validate(options => options.AddressFlushInterval > TimeSpan.Zero, "Polls:AddressFlushInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<PollDirectory>();
        services.AddSingleton<ShardVoteBatcher>();
        services.AddSingleton<PollResultsReader>();
        services.AddSingleton<PollEventsHub>();
        services.AddSingleton<ResultsVisibilityGate>();
        services.AddSingleton<VoteAddressCounter>();
        services.AddHostedService(services => services.GetRequiredService<VoteAddressCounter>());
        return services;
    }
}
