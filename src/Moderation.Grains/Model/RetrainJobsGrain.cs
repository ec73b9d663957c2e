using Microsoft.Extensions.Logging;
using Moderation.Contracts.Model;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Moderators;
using Orleans.Placement;

namespace Moderation.Grains.Model;

/// <summary>
/// The one owner of the cluster's retrain jobs (key 0; Orleans keeps one activation cluster-wide), so at most one
/// job is queued or running. The training runs on the silo hosting this grain, off the grain scheduler (see
/// <see cref="IRetrainWork"/>); a keep-alive timer polls it every second and records the outcome. A job found
/// queued or running on activation was cut off by a silo that stopped: it is marked failed, and a new one may start.
/// Placed on the silo that first calls it, so the silo an operator asks is the one that trains.
/// </summary>
[PreferLocalPlacement]
public sealed class RetrainJobsGrain(
    [PersistentState("retrain-jobs", GrainStorage.Name)] IPersistentState<RetrainJobsState> state,
    IRetrainWork work,
    AuditStore audit,
    TimeProvider clock,
    ILogger<RetrainJobsGrain> logger) : Grain, IRetrainJobsGrain
{
    /// <summary>Enough history for the console's chart, small enough for one state record.</summary>
    public const int KeptJobs = 200;

    private RunningJob? _running;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Jobs.Any(job => job.IsActive))
        {
            Finish(job => job.IsActive, job => job with
            {
                Status = RetrainStatus.Failed,
                FinishedAt = clock.GetUtcNow(),
                Error = "The silo running this job stopped before it finished; start a new retrain.",
            });
            await state.WriteOrDeactivateAsync(this);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_running is { } running)
        {
            _running = null;
            await running.Stopping.CancelAsync();
            Finish(job => job.Id == running.JobId, job => job with
            {
                Status = RetrainStatus.Failed,
                FinishedAt = clock.GetUtcNow(),
                Error = $"The silo running this job shut down before it finished ({reason.Description}); start a new retrain.",
            });
            await state.WriteStateAsync();
        }
    }

    public async Task<RetrainStart> Start(RetrainRequest request)
    {
        if (state.State.Jobs.FirstOrDefault(job => job.IsActive) is { } active)
        {
            return new RetrainStart(WithLiveProgress(active), Started: false);
        }

        var job = new RetrainJob(
            NewJobId(), RetrainStatus.Queued, "queued", 0, request.Trigger, request.RequestedBy, request.At,
            StartedAt: null, FinishedAt: null, Labels: null, Error: null, Report: null);
        state.State.Jobs.Insert(0, job);
        if (state.State.Jobs.Count > KeptJobs)
        {
            state.State.Jobs.RemoveRange(KeptJobs, state.State.Jobs.Count - KeptJobs);
        }

        state.State.LabelsAddedAtLastJob = request.LabelsAdded;
        if (request.Trigger == RetrainTrigger.Labels)
        {
            state.State.LastAutomaticAt = request.At;
        }

        await state.WriteOrDeactivateAsync(this);
        Launch(job.Id);
        // Written again so that a job cut off by a silo's death shows when it had started.
        await state.WriteOrDeactivateAsync(this);
        return new RetrainStart(job, Started: true);
    }

    public async Task<RetrainJob?> StartIfDue(AutoRetrainCheck check)
    {
        var due = check.MinNewLabels > 0
            && check.LabelsAdded - state.State.LabelsAddedAtLastJob >= check.MinNewLabels
            && (state.State.LastAutomaticAt is not { } last || check.At - last >= check.MinInterval)
            && !state.State.Jobs.Any(job => job.IsActive);
        if (!due)
        {
            return null;
        }

        var newLabels = check.LabelsAdded - state.State.LabelsAddedAtLastJob;
        var start = await Start(new RetrainRequest(RetrainTrigger.Labels, null, check.At, check.LabelsAdded));
        logger.LogInformation("Retrain {JobId} started by {Labels} new labels", start.Job.Id, newLabels);
        return start.Job;
    }

    public Task<RetrainJob?> Get(string id) =>
        Task.FromResult(state.State.Jobs.FirstOrDefault(job => job.Id == id) is { } job ? WithLiveProgress(job) : null);

    public Task<IReadOnlyList<RetrainJob>> List() =>
        Task.FromResult<IReadOnlyList<RetrainJob>>([.. state.State.Jobs.Select(WithLiveProgress)]);

    public Task AuditPromotion(AuditEntry entry) => audit.AppendAsync(entry);

    private void Launch(string jobId)
    {
        var stopping = new CancellationTokenSource();
        var progress = new LatestProgress();
        // Task.Run: the work's own awaits must not continue on this activation's scheduler.
        var training = Task.Run(() => work.RunAsync(jobId, progress, stopping.Token));
        var timer = this.RegisterGrainTimer(Poll, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)) { KeepAlive = true });
        _running = new RunningJob(jobId, training, stopping, progress, timer);
        Finish(job => job.Id == jobId, job => job with { Status = RetrainStatus.Running, Stage = "starting", StartedAt = clock.GetUtcNow() });
    }

    private async Task Poll(CancellationToken cancellationToken)
    {
        if (_running is not { Task.IsCompleted: true } running)
        {
            return;
        }

        _running = null;
        running.Timer.Dispose();
        running.Stopping.Dispose();
        var now = clock.GetUtcNow();
        try
        {
            var outcome = await running.Task;
            Finish(job => job.Id == running.JobId, job => job with
            {
                Status = RetrainStatus.Succeeded,
                Stage = "done",
                Progress = 1,
                FinishedAt = now,
                Labels = outcome.Labels,
                Report = outcome.Report,
            });
            if (outcome.Report is { Promoted: true, Candidate: { } candidate })
            {
                await audit.AppendAsync(new AuditEntry(now, null, null, null, "promote-model", outcome.Report.Reason,
                    $"retrain {running.JobId}: {outcome.Report.Current?.Version} -> {candidate.Version}", outcome.Report.Current?.Version, candidate.Version, null));
            }
        }
        catch (Exception error)
        {
            logger.LogError(error, "Retrain {JobId} failed", running.JobId);
            Finish(job => job.Id == running.JobId, job => job with
            {
                Status = RetrainStatus.Failed,
                Stage = running.Progress.Latest?.Stage ?? job.Stage,
                Progress = running.Progress.Latest?.Fraction ?? job.Progress,
                FinishedAt = now,
                Error = error.Message,
            });
        }

        await state.WriteOrDeactivateAsync(this);
    }

    private void Finish(Func<RetrainJob, bool> which, Func<RetrainJob, RetrainJob> change)
    {
        var jobs = state.State.Jobs;
        for (var index = 0; index < jobs.Count; index++)
        {
            if (which(jobs[index]))
            {
                jobs[index] = change(jobs[index]);
            }
        }
    }

    private RetrainJob WithLiveProgress(RetrainJob job) =>
        _running is { } running && running.JobId == job.Id && running.Progress.Latest is { } latest
            ? job with { Stage = latest.Stage, Progress = latest.Fraction }
            : job;

    private static string NewJobId() => "r" + Guid.NewGuid().ToString("N")[..15];

    private sealed record RunningJob(
        string JobId, Task<RetrainOutcome> Task, CancellationTokenSource Stopping, LatestProgress Progress, IGrainTimer Timer);

    /// <summary>The last step the training thread reported; read by Get without waiting for the job.</summary>
    private sealed class LatestProgress : IProgress<RetrainProgress>
    {
        private volatile RetrainProgress? _latest;

        public RetrainProgress? Latest => _latest;

        public void Report(RetrainProgress value) => _latest = value;
    }
}
