using Microsoft.Extensions.Hosting;

namespace Moderation.Api.Toxicity;

/// <summary>Loads the model at start, in the background (again every 2 s while the store is unreachable): readiness reports it until it is there.</summary>
public sealed class ModelLoading(ModelHost host) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!host.Load())
        {
            await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
        }
    }
}
