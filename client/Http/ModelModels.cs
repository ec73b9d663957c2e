namespace Moderation.Client.Http;

/// <summary>A labelled comment of a site's history, for the filter to learn from.</summary>
public sealed record LabelItem(string Text, bool Toxic, string? Source);

public sealed record ImportLabelsRequest(IReadOnlyList<LabelItem> Items);

public sealed record ImportLabelsResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<LabelErrorResponse>? Errors);

public sealed record LabelErrorResponse(int Index, string Message);

public sealed record LabelCountsResponse(
    long Total, LabelOriginsResponse ByOrigin, LabelClassesResponse ByClass, LabelsSinceResponse SinceCurrentModel, string? CurrentModel);

public sealed record LabelOriginsResponse(long Decision, long Import);

public sealed record LabelClassesResponse(long Toxic, long Clean);

public sealed record LabelsSinceResponse(long Total, long Decision, long Import);

/// <summary>A retrain job: <c>queued</c>, <c>running</c>, <c>succeeded</c> or <c>failed</c>, with its report once finished.</summary>
public sealed record RetrainJobResponse(
    string Id,
    string Status,
    string? Stage,
    double Progress,
    string? Trigger,
    string? RequestedBy,
    DateTimeOffset? RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Labels,
    string? Error,
    RetrainReportResponse? Report)
{
    public bool Finished => Status is "succeeded" or "failed";
}

public sealed record RetrainReportResponse(ModelFiguresResponse? Current, ModelFiguresResponse? Candidate, bool Promoted, string? Reason);

/// <summary>A model's figures on the held-out site labels, at its own hold threshold.</summary>
public sealed record ModelFiguresResponse(
    string? Version, double RocAuc, double Threshold, double Precision, double Recall, double CleanHeld, int Rows, int Toxic);

public sealed record RetrainJobsResponse(IReadOnlyList<RetrainJobResponse> Items);

public sealed record ModelVersionsResponse(string? Current, IReadOnlyList<ModelVersionResponse> Items);

public sealed record ModelVersionResponse(
    string Version,
    DateTimeOffset TrainedAt,
    string? BasedOn,
    double HoldThreshold,
    int TrainingRows,
    IReadOnlyDictionary<string, double>? Metrics,
    bool Current);

/// <summary>A retrain as asked for: the job, and whether it was already running (the service's 409) rather than started now.</summary>
public sealed record RetrainStart(RetrainJobResponse Job, bool AlreadyRunning);
