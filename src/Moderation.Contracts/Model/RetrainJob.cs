namespace Moderation.Contracts.Model;

/// <summary>The states of a retrain job.</summary>
public static class RetrainStatus
{
    /// <summary>Accepted, not started yet.</summary>
    public const string Queued = "queued";

    /// <summary>Training on the silo that hosts the job.</summary>
    public const string Running = "running";

    /// <summary>Finished with a report (the candidate promoted or not).</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Finished without a candidate; the error says why.</summary>
    public const string Failed = "failed";
}

/// <summary>What started a retrain job.</summary>
public static class RetrainTrigger
{
    /// <summary>Someone asked for it.</summary>
    public const string Manual = "manual";

    /// <summary>Enough new labels came in.</summary>
    public const string Labels = "labels";
}

/// <summary>A request for a retrain job.</summary>
/// <param name="Trigger">manual or labels.</param>
/// <param name="RequestedBy">Who asked, or null for the service itself.</param>
/// <param name="At">When.</param>
/// <param name="LabelsAdded">How many labels had ever been added when it was asked for (the mark the next automatic job counts from).</param>
[GenerateSerializer, Immutable, Alias("moderation.retrain-request")]
public sealed record RetrainRequest(
    [property: Id(0)] string Trigger,
    [property: Id(1)] string? RequestedBy,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] long LabelsAdded);

/// <summary>When a retrain starts by itself.</summary>
/// <param name="LabelsAdded">How many labels have ever been added now.</param>
/// <param name="MinNewLabels">How many new labels since the last job start one.</param>
/// <param name="MinInterval">The shortest time between two automatic jobs.</param>
/// <param name="At">Now.</param>
[GenerateSerializer, Immutable, Alias("moderation.auto-retrain-check")]
public sealed record AutoRetrainCheck(
    [property: Id(0)] long LabelsAdded,
    [property: Id(1)] int MinNewLabels,
    [property: Id(2)] TimeSpan MinInterval,
    [property: Id(3)] DateTimeOffset At);

/// <summary>The answer to a start: the new job, or the one already under way.</summary>
/// <param name="Job">The job.</param>
/// <param name="Started">True when this request started it; false when another job was already queued or running.</param>
[GenerateSerializer, Immutable, Alias("moderation.retrain-start")]
public sealed record RetrainStart([property: Id(0)] RetrainJob Job, [property: Id(1)] bool Started);

/// <summary>One retrain job.</summary>
/// <param name="Id">The job id.</param>
/// <param name="Status">queued, running, succeeded or failed.</param>
/// <param name="Stage">What it is doing or did last.</param>
/// <param name="Progress">The share done, 0 to 1.</param>
/// <param name="Trigger">manual or labels.</param>
/// <param name="RequestedBy">Who asked, or null when it started by itself.</param>
/// <param name="RequestedAt">When it was asked for.</param>
/// <param name="StartedAt">When training started.</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="Labels">The labels the candidate trained on (the held-out ones that judged it are the report's rows).</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Report">Both models' held-out figures and the verdict, once it succeeded.</param>
[GenerateSerializer, Immutable, Alias("moderation.retrain-job")]
public sealed record RetrainJob(
    [property: Id(0)] string Id,
    [property: Id(1)] string Status,
    [property: Id(2)] string? Stage,
    [property: Id(3)] double Progress,
    [property: Id(4)] string Trigger,
    [property: Id(5)] string? RequestedBy,
    [property: Id(6)] DateTimeOffset RequestedAt,
    [property: Id(7)] DateTimeOffset? StartedAt,
    [property: Id(8)] DateTimeOffset? FinishedAt,
    [property: Id(9)] int? Labels,
    [property: Id(10)] string? Error,
    [property: Id(11)] RetrainReport? Report)
{
    /// <summary>True while queued or running.</summary>
    public bool IsActive => Status is RetrainStatus.Queued or RetrainStatus.Running;
}

/// <summary>The verdict of a retrain: both models on the same held-out site labels.</summary>
/// <param name="Current">The model in use when the job ran.</param>
/// <param name="Candidate">The model the job trained, or null when it trained none.</param>
/// <param name="Promoted">True when the candidate became the current model.</param>
/// <param name="Reason">Why it was or was not promoted.</param>
[GenerateSerializer, Immutable, Alias("moderation.retrain-report")]
public sealed record RetrainReport(
    [property: Id(0)] HeldOutFigures? Current,
    [property: Id(1)] HeldOutFigures? Candidate,
    [property: Id(2)] bool Promoted,
    [property: Id(3)] string Reason);

/// <summary>A model's figures on held-out site labels at its own hold threshold.</summary>
/// <param name="Version">The model version.</param>
/// <param name="RocAuc">Ranking quality, 0.5 is chance.</param>
/// <param name="Threshold">Its hold threshold.</param>
/// <param name="Precision">Held comments that are toxic.</param>
/// <param name="Recall">Toxic comments held.</param>
/// <param name="CleanHeld">Clean comments held.</param>
/// <param name="Rows">Held-out labels.</param>
/// <param name="Toxic">Of which toxic.</param>
[GenerateSerializer, Immutable, Alias("moderation.held-out-figures")]
public sealed record HeldOutFigures(
    [property: Id(0)] string Version,
    [property: Id(1)] double RocAuc,
    [property: Id(2)] double Threshold,
    [property: Id(3)] double Precision,
    [property: Id(4)] double Recall,
    [property: Id(5)] double CleanHeld,
    [property: Id(6)] int Rows,
    [property: Id(7)] int Toxic);
