using Microsoft.Extensions.Logging;

namespace Moderation.Grains;

/// <summary>
/// A silo's startup work that runs in the background, so that it never holds up start. A failure is logged with what
/// makes up for it (the next start, a later request) and is not retried here.
/// </summary>
public abstract class BackgroundStartupTask(ILogger logger) : IStartupTask
{
    /// <summary>What the log says when the work fails, and what makes up for it.</summary>
    protected abstract string Failure { get; }

    public Task Execute(CancellationToken cancellationToken)
    {
        _ = Task.Run(
            async () =>
            {
                try
                {
                    await RunAsync(cancellationToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "{Failure}", Failure);
                }
            },
            cancellationToken);
        return Task.CompletedTask;
    }

    protected abstract Task RunAsync(CancellationToken cancellationToken);
}
