using Microsoft.Extensions.Logging;
using Moderation.Contracts.Readers;
using Moderation.Redis.Readers;

namespace Moderation.Grains.Readers;

/// <summary>
/// When a silo starts, every erasure job recorded but not done (a crash cut it short) is run again to the end, in the
/// background so that it never holds up start. Jobs run one at a time per job across the cluster (one grain each), so
/// two silos starting together share the work rather than doubling it.
/// </summary>
public sealed class ErasureResumeTask(IGrainFactory grains, ErasureJobs jobs, ILogger<ErasureResumeTask> logger) : BackgroundStartupTask(logger)
{
    protected override string Failure => "Reading the pending erasure jobs failed; the next start, or asking for an erasure again, resumes them";

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var id in await jobs.PendingAsync())
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var job = await grains.GetGrain<IReaderErasureGrain>(id).Run();
                logger.LogInformation("Resumed erasure job {Job}: {Status}", id, job.Status);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A long job outlasts the call (it goes on in its grain); a failed one waits for the next start or request.
                logger.LogWarning(exception, "Erasure job {Job} did not finish within the call; it goes on or resumes later", id);
            }
        }
    }
}
