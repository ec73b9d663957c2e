using System.Text.Json.Serialization;

namespace Moderation.Http.Model;

/// <summary>A site's labelled history, imported for the filter to learn from.</summary>
/// <param name="Items">1 to 5,000 labelled comments.</param>
public sealed record ImportLabelsRequest(IReadOnlyList<ImportLabelItem?>? Items);

/// <summary>One labelled comment.</summary>
/// <param name="Text">The comment's text.</param>
/// <param name="Toxic">Whether the site's moderators would reject it.</param>
/// <param name="Source">Where the label comes from, e.g. the old system's name.</param>
public sealed record ImportLabelItem(string? Text, bool? Toxic, string? Source);

/// <summary>What an import stored.</summary>
/// <param name="Accepted">Labels stored.</param>
/// <param name="Duplicates">Labels whose text the site had labelled already.</param>
/// <param name="Rejected">Items refused, each listed in <paramref name="Errors"/>.</param>
/// <param name="Errors">Why each refused item was refused.</param>
public sealed record ImportLabelsResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<ImportLabelError> Errors);

/// <summary>An item an import refused.</summary>
/// <param name="Index">Its position in the request, from 0.</param>
/// <param name="Message">Why.</param>
public sealed record ImportLabelError(int Index, string Message);

/// <summary>The labels the filter learns from, one per text.</summary>
/// <param name="Total">All labels.</param>
/// <param name="ByOrigin">By where they came from.</param>
/// <param name="ByClass">By class.</param>
/// <param name="SinceCurrentModel">Added since the model in use read the labels.</param>
/// <param name="CurrentModel">The model in use.</param>
public sealed record LabelsResponse(long Total, LabelsByOrigin ByOrigin, LabelsByClass ByClass, LabelsSince SinceCurrentModel, string CurrentModel);

/// <summary>Labels by origin.</summary>
/// <param name="Decision">From moderators' decisions.</param>
/// <param name="Import">Imported.</param>
public sealed record LabelsByOrigin(long Decision, long Import);

/// <summary>Labels by class.</summary>
/// <param name="Toxic">Rejected ones.</param>
/// <param name="Clean">Approved ones.</param>
public sealed record LabelsByClass(long Toxic, long Clean);

/// <summary>Labels added since a model's training read them.</summary>
/// <param name="Total">All of them.</param>
/// <param name="Decision">From decisions.</param>
/// <param name="Import">Imported.</param>
public sealed record LabelsSince(long Total, long Decision, long Import);

/// <summary>A retrain that was accepted.</summary>
/// <param name="Id">The job.</param>
/// <param name="Status">Its status.</param>
public sealed record RetrainAccepted(string Id, string Status);

/// <summary>Retrain jobs, newest first.</summary>
/// <param name="Items">The jobs.</param>
public sealed record RetrainJobsResponse(IReadOnlyList<RetrainJobResponse> Items);

/// <summary>A retrain job.</summary>
/// <param name="Id">The job.</param>
/// <param name="Status">queued, running, succeeded or failed.</param>
/// <param name="Stage">What it is doing.</param>
/// <param name="Progress">Share done, 0 to 1.</param>
/// <param name="Trigger">manual or labels.</param>
/// <param name="RequestedBy">Who asked; null when it started by itself.</param>
/// <param name="RequestedAt">When it was asked for.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="Labels">Labels the candidate trained on.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Report">Both models on the held-out labels, once finished.</param>
public sealed record RetrainJobResponse(
    string Id, string Status, string? Stage, double Progress, string Trigger, string? RequestedBy, DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int? Labels, string? Error, RetrainReportResponse? Report)
{
    /// <summary>Whether the job has succeeded or failed.</summary>
    [JsonIgnore]
    public bool Finished => Status is "succeeded" or "failed";
}

/// <summary>How a retrain's candidate compared with the model in use.</summary>
/// <param name="Current">The model in use on the held-out labels.</param>
/// <param name="Candidate">The candidate on the same labels.</param>
/// <param name="Promoted">Whether the candidate was promoted.</param>
/// <param name="Reason">Why or why not.</param>
public sealed record RetrainReportResponse(FiguresResponse? Current, FiguresResponse? Candidate, bool Promoted, string Reason);

/// <summary>A model's figures on held-out labels at its hold threshold; a figure the labels cannot give (e.g. ROC-AUC with one class) is null.</summary>
/// <param name="Version">The model.</param>
/// <param name="RocAuc">ROC-AUC.</param>
/// <param name="Threshold">Its hold threshold.</param>
/// <param name="Precision">Held comments that are toxic.</param>
/// <param name="Recall">Toxic comments held.</param>
/// <param name="CleanHeld">Clean comments held.</param>
/// <param name="Rows">Held-out labels.</param>
/// <param name="Toxic">Toxic ones among them.</param>
public sealed record FiguresResponse(
    string Version, double? RocAuc, double? Threshold, double? Precision, double? Recall, double? CleanHeld, int Rows, int Toxic);

/// <summary>The saved model versions, newest first.</summary>
/// <param name="Current">The version in use.</param>
/// <param name="Items">The versions.</param>
public sealed record ModelVersionsResponse(string Current, IReadOnlyList<ModelVersionResponse> Items);

/// <summary>A saved model version.</summary>
/// <param name="Version">Its name.</param>
/// <param name="TrainedAt">When it was trained.</param>
/// <param name="BasedOn">The version it was retrained from.</param>
/// <param name="HoldThreshold">Scores at or above it hold a comment.</param>
/// <param name="TrainingRows">Rows it trained on.</param>
/// <param name="Metrics">Its measured figures by name.</param>
/// <param name="Current">Whether it is in use.</param>
public sealed record ModelVersionResponse(
    string Version, DateTimeOffset TrainedAt, string? BasedOn, double HoldThreshold, int TrainingRows,
    IReadOnlyDictionary<string, double> Metrics, bool Current);
