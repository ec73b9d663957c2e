using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Contracts.Polls;
using Moderation.Contracts.Readers;
using Moderation.Redis.Capacity;
using Moderation.Redis.Comments;
using Moderation.Redis.Readers;
using Orleans.Concurrency;

namespace Moderation.Grains.Readers;

/// <summary>
/// Runs one recorded erasure job: every part's comments and the reader's indexes there, then what <see cref="ReaderFootprint"/>
/// finds (votes through their shard grains, so tallies stay exact; reactions; reports), then the rest outside the parts and
/// the reader's standing, and only then marks the job done. Every step is idempotent, so a job cut short by a crash is run
/// again from the start by whichever silo resumes it. Reentrant so that a second caller joins the run under way.
/// It runs while a full embedded store refuses other writes (erasure frees space), but stops between steps once the store
/// reaches <see cref="StoreFillMarks.EraseUpTo"/>, returning the job still running: it resumes at the next start or request.
/// </summary>
[Reentrant]
public sealed class ReaderErasureGrain(
    ErasureJobs jobs, ReaderErasureStore store, ReaderFootprint footprint, StoreCapacity capacity, IOptions<ErasureOptions> options,
    TimeProvider clock, ILogger<ReaderErasureGrain> logger) : Grain, IReaderErasureGrain
{
    private Task<ErasureJob>? _run;

    public Task<ErasureJob> Run()
    {
        if (_run is null || _run.IsFaulted || _run.IsCanceled || _run is { IsCompletedSuccessfully: true, Result.Status: not ErasureJob.Done })
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
            if (StoreTooFull(id))
            {
                return job;
            }

            comments += await store.ErasePartAsync(part, job);
            await PauseAsync();
        }

        if (StoreTooFull(id))
        {
            return job;
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

    private bool StoreTooFull(string id)
    {
        if (!capacity.RefusesErasureNow())
        {
            return false;
        }

        logger.LogWarning("Erasure {Job} paused: the embedded store is too full even for an erasure; it resumes at the next start or request", id);
        return true;
    }

    private Task PauseAsync() => options.Value.StepPause > TimeSpan.Zero ? Task.Delay(options.Value.StepPause, clock) : Task.CompletedTask;
}
