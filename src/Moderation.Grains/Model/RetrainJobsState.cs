using Moderation.Contracts.Model;

namespace Moderation.Grains.Model;

[GenerateSerializer, Alias("moderation.retrain-jobs-state.v1")]
public sealed class RetrainJobsState
{
    /// <summary>Newest first, at most <see cref="RetrainJobsGrain.KeptJobs"/>.</summary>
    [Id(0)] public List<RetrainJob> Jobs { get; set; } = [];

    /// <summary>The label count when the last job was asked for: automatic jobs count new labels from here.</summary>
    [Id(1)] public long LabelsAddedAtLastJob { get; set; }

    [Id(2)] public DateTimeOffset? LastAutomaticAt { get; set; }
}
