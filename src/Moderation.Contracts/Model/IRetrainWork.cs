namespace Moderation.Contracts.Model;

/// <summary>
/// The training itself, as the silo that hosts the retrain jobs runs it: gathers the labels, trains and judges a
/// candidate off the grain scheduler, and saves and promotes it when it is better. Throws when no candidate came out.
/// </summary>
public interface IRetrainWork
{
    /// <summary>Runs job <paramref name="jobId"/> to the end, reporting stages on <paramref name="progress"/>.</summary>
    Task<RetrainOutcome> RunAsync(string jobId, IProgress<RetrainProgress> progress, CancellationToken cancellationToken);
}

/// <summary>A step of a job: what it is doing and the share done (0..1).</summary>
/// <param name="Stage">What it is doing.</param>
/// <param name="Fraction">The share done.</param>
public sealed record RetrainProgress(string Stage, double Fraction);

/// <summary>What a finished job produced.</summary>
/// <param name="Labels">The labels the candidate trained on (the held-out ones that judged it are the report's rows).</param>
/// <param name="Report">Both models' figures and the verdict.</param>
public sealed record RetrainOutcome(int Labels, RetrainReport Report);
