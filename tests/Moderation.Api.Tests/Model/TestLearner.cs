using Moderation.Toxicity.Models;
using Moderation.Toxicity.Retraining;
using Moderation.Toxicity.Training;

namespace Moderation.Api.Tests.Model;

/// <summary>
/// A learner the tests steer: it records the labels it was given, can wait until the test releases it, and then
/// fails, gives no candidate, or returns the current model under the new version with the verdict the test chose.
/// </summary>
public sealed class TestLearner : ISiteLearner
{
    private TaskCompletionSource _release = Released();

    public TestLearner() => Outcome = LearnerOutcome.Better;

    public LearnerOutcome Outcome { get; set; }

    public IReadOnlyList<LabelledExample> LastLabels { get; private set; } = [];

    /// <summary>Set once the learner has started and is waiting for <see cref="Release"/>.</summary>
    public TaskCompletionSource Waiting { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Makes the next run wait until <see cref="Release"/>.</summary>
    public void Hold()
    {
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Release() => _release.TrySetResult();

    public SiteLearningResult Learn(
        LoadedModel current, IReadOnlyList<LabelledExample> labels, SiteLearningOptions options,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        LastLabels = labels;
        progress?.Report(new TrainingProgress("test learner waiting", 0.4));
        Waiting.TrySetResult();
        _release.Task.Wait(cancellationToken);
        var figures = new ModelFigures(0.80, current.Manifest.HoldThreshold, 0.6, 0.6, 0.05, labels.Count / 5, labels.Count / 10);
        var better = figures with { RocAuc = 0.90 };
        var candidate = current.WithManifest(current.Manifest with { Version = options.Version, BasedOn = current.Version, TrainedAt = DateTimeOffset.UtcNow });
        return Outcome switch
        {
            LearnerOutcome.Throws => throw new InvalidOperationException("the test learner was told to fail"),
            LearnerOutcome.NoCandidate => new SiteLearningResult(null, figures, null, false, "too few labels of each class", labels.Count, 0),
            LearnerOutcome.Worse => new SiteLearningResult(candidate, figures, figures with { RocAuc = 0.70 }, false, "held-out ROC-AUC 0.7000 is below the current 0.8000", labels.Count, labels.Count / 5),
            _ => new SiteLearningResult(candidate, figures, better, true, "held-out ROC-AUC 0.9000 vs current 0.8000", labels.Count, labels.Count / 5),
        };
    }

    private static TaskCompletionSource Released()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }
}

public enum LearnerOutcome
{
    Better,
    Worse,
    NoCandidate,
    Throws,
}
