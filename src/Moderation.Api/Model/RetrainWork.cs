using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Api.Toxicity;
using Moderation.Contracts.Model;
using Moderation.Toxicity.Retraining;
using Moderation.Toxicity.Training;

namespace Moderation.Api.Model;

/// <summary>
/// A retrain job's work on the silo hosting the job: reads every site label, has the learner train and judge a
/// candidate against the model in use on its own low-priority thread, and saves and promotes the candidate when
/// the learner says it is better. No candidate is a failure, with the learner's reason.
/// </summary>
public sealed class RetrainWork(
    LabelStore labels,
    ModelHost host,
    RedisModelStore store,
    ISiteLearner learner,
    IOptions<ModelOptions> options,
    TimeProvider clock,
    ILogger<RetrainWork> logger) : IRetrainWork
{
    public async Task<RetrainOutcome> RunAsync(string jobId, IProgress<RetrainProgress> progress, CancellationToken cancellationToken)
    {
        progress.Report(new RetrainProgress("reading labels", 0));
        var (examples, mark) = await labels.ReadAllAsync(cancellationToken);
        var current = host.RequireScorer().Model;
        var settings = new SiteLearningOptions
        {
            Version = $"{clock.GetUtcNow():yyyy-MM-dd}.{jobId}",
            TargetCleanHoldRate = options.Value.TargetCleanHoldRate,
            Tolerance = options.Value.PromotionTolerance,
        };
        logger.LogInformation("Retrain {JobId}: {Labels} labels, current model {Version}", jobId, examples.Count, current.Version);

        var training = new TrainingProgressForwarder(progress);
        var result = await TrainingThread.RunAsync(() => learner.Learn(current, examples, settings, training, cancellationToken));
        if (result.Candidate is not { } candidate)
        {
            throw new InvalidOperationException($"No candidate model: {result.Reason}");
        }

        // A job given up (its grain deactivated, e.g. the silo is stopping) must not promote after the fact.
        cancellationToken.ThrowIfCancellationRequested();
        if (result.Promote)
        {
            progress.Report(new RetrainProgress("promoting", 1));
            await TrainingThread.RunAsync(() =>
            {
                store.Save(candidate);
                return true;
            });
            await labels.RecordMarkAsync(candidate.Version, mark);
            store.Promote(candidate.Version);
            logger.LogInformation("Retrain {JobId}: promoted {Version} ({Reason})", jobId, candidate.Version, result.Reason);
        }

        var report = new Contracts.Model.RetrainReport(
            Figures(current.Version, result.Current), Figures(candidate.Version, result.CandidateFigures), result.Promote, result.Reason);
        return new RetrainOutcome(result.LabelsUsed, report);
    }

    private static HeldOutFigures? Figures(string version, ModelFigures? figures) => figures is null
        ? null
        : new HeldOutFigures(version, figures.RocAuc, figures.Threshold, figures.Precision, figures.Recall, figures.CleanHeldRate, figures.Rows, figures.Toxic);

    /// <summary>Passes the learner's steps straight on (not through a synchronization context, as Progress&lt;T&gt; would).</summary>
    private sealed class TrainingProgressForwarder(IProgress<RetrainProgress> job) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => job.Report(new RetrainProgress(value.Stage, value.Fraction));
    }
}
