namespace Moderation.Contracts.Moderators;

/// <summary>Moderators' decisions on one comment (the same key as its <see cref="Comments.ICommentGrain"/>).</summary>
public interface ICommentModerationGrain : IGrainWithStringKey
{
    /// <summary>Approves or rejects durably, with its audit record (and labelled example) in the same write.</summary>
    Task<DecisionResult> Decide(ModerationDecision decision);
}
