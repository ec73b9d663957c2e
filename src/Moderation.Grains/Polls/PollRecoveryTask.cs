using Microsoft.Extensions.Logging;
using Moderation.Contracts.Polls;
using Moderation.Redis.Polls;

namespace Moderation.Grains.Polls;

/// <summary>
/// When a silo starts, every open poll's tally compares its committed totals with the published ones and
/// publishes if a crash left them behind. It runs in the background so that a large backlog does not hold up start.
/// </summary>
public sealed class PollRecoveryTask(IGrainFactory grains, ResultsPublisher publisher, ILogger<PollRecoveryTask> logger) : BackgroundStartupTask(logger)
{
    protected override string Failure => "Checking the published results of open polls failed; they catch up with the next vote";

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        var pollIds = await publisher.OpenPollIdsAsync();
        await Parallel.ForEachAsync(pollIds, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (pollId, _) => await grains.GetGrain<IPollTallyGrain>(pollId).Refresh());
        logger.LogInformation("Checked the published results of {Count} open polls", pollIds.Length);
    }
}
