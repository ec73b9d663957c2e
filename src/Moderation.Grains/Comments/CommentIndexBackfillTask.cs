using Microsoft.Extensions.Logging;
using Moderation.Redis.Comments;

namespace Moderation.Grains.Comments;

/// <summary>Runs <see cref="CommentIndexBackfill"/> in the background when a silo starts, after the key migration, so that it never holds up start.</summary>
public sealed class CommentIndexBackfillTask(CommentIndexBackfill backfill, ILogger<CommentIndexBackfillTask> logger) : BackgroundStartupTask(logger)
{
    protected override string Failure => "Indexing old comments for the top sort and readers' own lists stopped; the next start resumes it";

    protected override Task RunAsync(CancellationToken cancellationToken) => backfill.RunAsync(cancellationToken);
}
