using Moderation.Contracts.Model;
using Moderation.Http.Model;
using Moderation.Toxicity.Models;

namespace Moderation.Api.Model;

/// <summary>The learning loop's records as the HTTP contract shapes them.</summary>
internal static class ModelResponses
{
    public static RetrainJobResponse Job(RetrainJob job) => new(
        job.Id, job.Status, job.Stage, job.Progress, job.Trigger, job.RequestedBy, job.RequestedAt, job.StartedAt, job.FinishedAt,
        job.Labels, job.Error, job.Report is { } report
            ? new RetrainReportResponse(Figures(report.Current), Figures(report.Candidate), report.Promoted, report.Reason)
            : null);

    public static ModelVersionResponse Version(ModelManifest manifest, string current) => new(
        manifest.Version, manifest.TrainedAt, manifest.BasedOn, manifest.HoldThreshold, manifest.TrainingRows,
        manifest.Metrics.Where(metric => double.IsFinite(metric.Value)).ToDictionary(), manifest.Version == current);

    private static FiguresResponse? Figures(HeldOutFigures? figures) => figures is null
        ? null
        : new(figures.Version, Finite(figures.RocAuc), Finite(figures.Threshold), Finite(figures.Precision), Finite(figures.Recall),
            Finite(figures.CleanHeld), figures.Rows, figures.Toxic);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
