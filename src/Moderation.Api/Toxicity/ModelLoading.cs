using Microsoft.Extensions.Hosting;

namespace Moderation.Api.Toxicity;

/// <summary>Loads the model at start, in the background: readiness reports it until it is there.</summary>
public sealed class ModelLoading(ModelHost host) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(host.Load, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
