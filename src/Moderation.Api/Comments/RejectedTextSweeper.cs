using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Redis.Comments;

namespace Moderation.Api.Comments;

/// <summary>
/// With <c>Comments:RejectedTextRetention</c> set, removes rejected comments' texts once they are older than it: every
/// sweep interval each silo asks for the sweep's turn, and the one that gets it sweeps (<see cref="RejectedTextRetention"/>).
/// </summary>
public sealed class RejectedTextSweeper(
    RejectedTextRetention retention, IOptions<CommentsOptions> options, TimeProvider clock, ILogger<RejectedTextSweeper> logger) : BackgroundService
{
    private readonly string _holder = Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RejectedTextRetention is not { } keep)
        {
            return;
        }

        var interval = options.Value.RejectedTextSweepInterval;
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                if (await retention.TryTakeTurnAsync(_holder, interval))
                {
                    var now = clock.GetUtcNow();
                    var removed = await retention.SweepAsync(now - keep, now, stoppingToken);
                    if (removed > 0)
                    {
                        logger.LogInformation("Removed the texts of {Count} comments rejected more than {Retention} ago", removed, keep);
                    }
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Sweeping rejected texts failed; the next sweep tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
