using Moderation.Contracts.Model;
using Moderation.Toxicity.Models;

namespace Moderation.Api.Model;

public sealed record ImportLabelsRequest(IReadOnlyList<ImportLabelItem?>? Items);

public sealed record ImportLabelItem(string? Text, bool? Toxic, string? Source);

public sealed record ImportLabelsResponse(int Accepted, int Duplicates, int Rejected, IReadOnlyList<ImportLabelError> Errors);

public sealed record ImportLabelError(int Index, string Message);

public sealed record LabelsResponse(
    long Total, LabelsByOrigin ByOrigin, LabelsByClass ByClass, LabelsSince SinceCurrentModel, string CurrentModel);

public sealed record LabelsByOrigin(long Decision, long Import);

public sealed record LabelsByClass(long Toxic, long Clean);

public sealed record LabelsSince(long Total, long Decision, long Import);

public sealed record RetrainAccepted(string Id, string Status);

public sealed record RetrainJobsResponse(IReadOnlyList<RetrainJobResponse> Items);

public sealed record RetrainJobResponse(
    string Id, string Status, string? Stage, double Progress, string Trigger, string? RequestedBy, DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, int? Labels, string? Error, RetrainReportResponse? Report)
{
    public static RetrainJobResponse From(RetrainJob job) => new(
        job.Id, job.Status, job.Stage, job.Progress, job.Trigger, job.RequestedBy, job.RequestedAt, job.StartedAt, job.FinishedAt,
        job.Labels, job.Error, job.Report is { } report
            ? new RetrainReportResponse(FiguresResponse.From(report.Current), FiguresResponse.From(report.Candidate), report.Promoted, report.Reason)
            : null);
}

public sealed record RetrainReportResponse(FiguresResponse? Current, FiguresResponse? Candidate, bool Promoted, string Reason);

/// <summary>Held-out figures; a figure the held-out labels cannot give (e.g. ROC-AUC with one class) is null.</summary>
public sealed record FiguresResponse(
    string Version, double? RocAuc, double? Threshold, double? Precision, double? Recall, double? CleanHeld, int Rows, int Toxic)
{
    public static FiguresResponse? From(HeldOutFigures? figures) => figures is null
        ? null
        : new(figures.Version, Finite(figures.RocAuc), Finite(figures.Threshold), Finite(figures.Precision), Finite(figures.Recall),
            Finite(figures.CleanHeld), figures.Rows, figures.Toxic);

    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}

public sealed record ModelVersionsResponse(string Current, IReadOnlyList<ModelVersionResponse> Items);

public sealed record ModelVersionResponse(
    string Version, DateTimeOffset TrainedAt, string? BasedOn, double HoldThreshold, int TrainingRows,
    IReadOnlyDictionary<string, double> Metrics, bool Current)
{
    public static ModelVersionResponse From(ModelManifest manifest, string current) => new(
        manifest.Version, manifest.TrainedAt, manifest.BasedOn, manifest.HoldThreshold, manifest.TrainingRows,
        manifest.Metrics.Where(metric => double.IsFinite(metric.Value)).ToDictionary(), manifest.Version == current);
}
