using Moderation.Contracts.Moderators;

namespace Moderation.Contracts.Model;

/// <summary>
/// The cluster's retrain jobs, one grain under key 0: at most one job is queued or running at a
/// time, and the job records (with their reports) are kept in its state.
/// </summary>
public interface IRetrainJobsGrain : IGrainWithIntegerKey
{
    /// <summary>Starts a job, or answers the job already queued or running (not started).</summary>
    Task<RetrainStart> Start(RetrainRequest request);

    /// <summary>Starts a job triggered by new labels when enough came in since the last job and the last automatic job is old enough; null when not.</summary>
    Task<RetrainJob?> StartIfDue(AutoRetrainCheck check);

    /// <summary>One job, with live progress while it runs; null for an unknown id.</summary>
    Task<RetrainJob?> Get(string id);

    /// <summary>The kept jobs, newest first.</summary>
    Task<IReadOnlyList<RetrainJob>> List();

    /// <summary>Appends a model promotion to the audit trail.</summary>
    Task AuditPromotion(AuditEntry entry);
}
