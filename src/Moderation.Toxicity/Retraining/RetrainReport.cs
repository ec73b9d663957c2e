using Moderation.Toxicity.Evaluation;

namespace Moderation.Toxicity.Retraining;

/// <summary>What a retrain did: both models' figures on the same held-out rows, and whether the candidate was promoted.</summary>
public sealed record RetrainReport(
    string CurrentVersion,
    string CandidateVersion,
    EvaluationReport Current,
    EvaluationReport Candidate,
    EvaluationReport? CurrentOnFeedback,
    EvaluationReport? CandidateOnFeedback,
    bool Promoted,
    string Reason);
