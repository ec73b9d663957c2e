using Microsoft.Extensions.Logging;

namespace Moderation.Grains.Comments;

/// <summary>Runs <see cref="CommentRecovery"/> in the background when a silo starts, so that it never holds up start.</summary>
public sealed class CommentRecoveryTask(CommentRecovery recovery, ILogger<CommentRecoveryTask> logger) : BackgroundStartupTask(logger)
{
    protected override string Failure => "Checking the comment counts of recently changed articles failed; a recount route can do it";

    protected override Task RunAsync(CancellationToken cancellationToken) => recovery.RecoverAsync(cancellationToken);
}
