using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Moderators;
using StackExchange.Redis;

namespace Moderation.Api.Telemetry;

/// <summary>
/// The site-wide queue sizes, sampled in the background (two ZCARDs per interval) so that a metrics scrape reads
/// two numbers from memory and never waits on Redis.
/// </summary>
public sealed class QueueSizes(QueueStore queues, IOptions<TelemetryOptions> options, ILogger<QueueSizes> logger) : BackgroundService
{
    private static readonly string[] Sampled = [QueueNames.Pending, QueueNames.Reported];
    private readonly long[] _sizes = [-1, -1];

    public IEnumerable<Measurement<long>> Observe()
    {
        for (var i = 0; i < Sampled.Length; i++)
        {
            if (Interlocked.Read(ref _sizes[i]) is var size and >= 0)
            {
                yield return new Measurement<long>(size, new KeyValuePair<string, object?>("queue", Sampled[i]));
            }
        }
    }

    /// <summary>Reads the sizes now; the background loop calls it every interval.</summary>
    public async Task SampleAsync()
    {
        for (var i = 0; i < Sampled.Length; i++)
        {
            var size = await queues.SiteSizeAsync(Sampled[i]);
            Interlocked.Exchange(ref _sizes[i], size);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.QueueSampleInterval);
        do
        {
            try
            {
                await SampleAsync();
            }
            catch (Exception error) when (error is RedisException or TimeoutException)
            {
                // The last sample stands; readiness already reports Redis being down.
                logger.LogDebug(error, "Could not sample the moderation queue sizes");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
