using Microsoft.Extensions.Logging;

namespace Moderation.Grains.Comments;

/// <summary>Runs <see cref="CommentRecovery"/> in the background when a silo starts, so that it never holds up start.</summary>
public sealed class CommentRecoveryTask(CommentRecovery recovery, ILogger<CommentRecoveryTask> logger) : IStartupTask
{
    public Task Execute(CancellationToken cancellationToken)
    {
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await recovery.RecoverAsync(cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Checking the comment counts of recently changed articles failed; a recount route can do it");
                }
            },
            cancellationToken);
        return Task.CompletedTask;
    }
}
