using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Contracts.Polls;
using Moderation.Contracts.Readers;
using Moderation.Redis.Comments;
using Moderation.Redis.Readers;
using Orleans.Concurrency;

namespace Moderation.Grains.Readers;

/// <summary>
/// Runs one recorded erasure job: every part's comments and the reader's indexes there, then what <see cref="ReaderFootprint"/>
/// finds (votes through their shard grains, so tallies stay exact; reactions; reports), then the rest outside the parts and
/// the reader's standing, and only then marks the job done. Every step is idempotent, so a job cut short by a crash is run
/// again from the start by whichever silo resumes it. Reentrant so that a second caller joins the run under way.
/// </summary>
[Reentrant]
public sealed class ReaderErasureGrain(
    ErasureJobs jobs, ReaderErasureStore store, ReaderFootprint footprint, IOptions<ErasureOptions> options, TimeProvider clock,
    ILogger<ReaderErasureGrain> logger) : Grain, IReaderErasureGrain
{
    private Task<ErasureJob>? _run;

    public Task<ErasureJob> Run()
    {
        if (_run is null || _run.IsFaulted || _run.IsCanceled)
        {
            _run = RunJob();
        }

        return _run;
    }

    private async Task<ErasureJob> RunJob()
    {
        var id = this.GetPrimaryKeyString();
        var job = await jobs.GetAsync(id) ?? throw new KeyNotFoundException($"Erasure job {id} is not recorded.");
        if (job.Status == ErasureJob.Done || job.ReaderId is not { } readerId)
        {
            return job;
        }

        // The run outlasts the calls that started it: no idle collection in the middle of it.
        DelayDeactivation(TimeSpan.FromHours(1));
        var comments = 0;
        foreach (var part in CommentParts.All)
        {
            comments += await store.ErasePartAsync(part, job);
            await PauseAsync();
        }

        var found = await footprint.FindAsync(readerId);
        var votes = 0;
        foreach (var vote in found.Votes)
        {
            var shard = GrainFactory.GetGrain<IVoteShardGrain>(VoteSharding.ShardKey(vote.PollId, vote.Shard));
            votes += await shard.Retract(readerId) ? 1 : 0;
        }

        await PauseAsync();
        var reactions = 0;
        foreach (var commentId in found.Reactions)
        {
            reactions += await store.WithdrawReactionAsync(commentId, readerId) ? 1 : 0;
        }

        var reports = 0;
        foreach (var report in found.Reports)
        {
            reports += await store.WithdrawReportAsync(report.CommentId, readerId) ? 1 : 0;
        }

        await store.ForgetRestAsync(readerId, job.Pseudonym, found.RateLimits.Select(counter => counter.Key));
        await GrainFactory.GetGrain<IReaderGrain>(readerId).Forget();
        var done = await jobs.FinishAsync(job, new ErasureCounts(comments, votes, reactions, reports), clock.GetUtcNow());
        logger.LogInformation(
            "Erasure {Job} done: {Comments} comments, {Votes} votes, {Reactions} reactions, {Reports} reports",
            id, comments, votes, reactions, reports);
        return done;
    }

    private Task PauseAsync() => options.Value.StepPause > TimeSpan.Zero ? Task.Delay(options.Value.StepPause, clock) : Task.CompletedTask;
}
