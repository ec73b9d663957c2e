using Microsoft.Extensions.Logging;
using Moderation.Contracts.Readers;
using Moderation.Redis.Readers;

namespace Moderation.Grains.Readers;

/// <summary>
/// When a silo starts, every erasure job recorded but not done (a crash cut it short) is run again to the end, in the
/// background so that it never holds up start. Jobs run one at a time per job across the cluster (one grain each), so
/// two silos starting together share the work rather than doubling it.
/// </summary>
public sealed class ErasureResumeTask(IGrainFactory grains, ErasureJobs jobs, ILogger<ErasureResumeTask> logger) : IStartupTask
{
    public Task Execute(CancellationToken cancellationToken)
    {
        _ = Task.Run(
            async () =>
            {
                try
                {
                    var pending = await jobs.PendingAsync();
                    foreach (var id in pending)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await grains.GetGrain<IReaderErasureGrain>(id).Run();
                    }

                    if (pending.Length > 0)
                    {
                        logger.LogInformation("Resumed and finished {Count} erasure jobs", pending.Length);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Resuming erasure jobs failed; the next start, or asking for the erasure again, resumes them");
                }
            },
            cancellationToken);
        return Task.CompletedTask;
    }
}
