namespace Moderation.Client.Model.Simulation;

/// <summary>
/// One step of a simulated site: the labels its moderators had given by then, the retrain it asked for, and how the
/// model the service then scored with did on the site's remaining comments.
/// </summary>
internal sealed record LearningCurvePoint(
    int Labels,
    string? JobId,
    bool Promoted,
    string? Reason,
    double? HeldOutRocAuc,
    string ModelVersion,
    double RocAuc,
    double Threshold,
    double Recall,
    double CleanHeld,
    double Precision);
