using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Contracts.Model;

namespace Moderation.Api.Model;

/// <summary>
/// Every silo looks at the label counts now and then and offers the retrain jobs grain an automatic job; the grain
/// decides (enough new labels since the last job, the last automatic one old enough, none under way).
/// </summary>
public sealed class AutoRetrain(
    LabelStore labels, IGrainFactory grains, IOptions<ModelOptions> options, TimeProvider clock, ILogger<AutoRetrain> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.AutoRetrainLabels <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.AutoRetrainCheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var counts = await labels.CountsAsync();
                await grains.GetGrain<IRetrainJobsGrain>(0).StartIfDue(
                    new AutoRetrainCheck(counts.Added.Total, settings.AutoRetrainLabels, settings.AutoRetrainInterval, clock.GetUtcNow()));
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Could not check for an automatic retrain; trying again in {Interval}", settings.AutoRetrainCheckInterval);
            }
        }
    }
}
