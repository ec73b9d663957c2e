using Microsoft.Extensions.Logging;
using Moderation.Redis.Comments;

namespace Moderation.Grains.Comments;

/// <summary>
/// Before the silo takes requests: keys of the earlier comment layouts move into part 0, then the articles that stay in
/// part 0 are read. If Redis does not answer yet, the silo starts anyway (readiness reports the outage) and does both in
/// the background once it does; until then, requests that need an article's part fail rather than write to a wrong one.
/// </summary>
public sealed class CommentLayoutStartup(CommentKeyMigration migration, CommentParts parts, ILogger<CommentLayoutStartup> logger) : IStartupTask
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    public async Task Execute(CancellationToken cancellationToken)
    {
        if (await TryMoveAndLoadAsync(cancellationToken))
        {
            return;
        }

        _ = Task.Run(
            async () =>
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(RetryInterval, cancellationToken);
                    if (await TryMoveAndLoadAsync(cancellationToken))
                    {
                        return;
                    }
                }
            },
            cancellationToken);
    }

    private async Task<bool> TryMoveAndLoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            await migration.RunAsync(cancellationToken);
            await parts.LoadAsync();
            return true;
        }
        catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
        {
            logger.LogWarning(exception, "Could not read which articles stay in comment part 0; trying again in {Interval}", RetryInterval);
            return false;
        }
    }
}
