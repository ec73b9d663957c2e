using Moderation.Contracts.Comments;

namespace Moderation.Contracts.Moderators;

/// <summary>What became of a decision.</summary>
public enum DecisionOutcome
{
    /// <summary>Applied and audited.</summary>
    Applied,
    /// <summary>No such comment.</summary>
    NotFound,
    /// <summary>The decision named another revision than the comment's.</summary>
    StaleRevision,
    /// <summary>The comment was deleted; there is nothing to decide.</summary>
    Deleted,
}

/// <summary>A decision's outcome and the comment after it.</summary>
/// <param name="Outcome">Applied or why not.</param>
/// <param name="Comment">The comment as it is now, or null when unknown.</param>
[GenerateSerializer, Immutable, Alias("moderation.decision-result")]
public sealed record DecisionResult([property: Id(0)] DecisionOutcome Outcome, [property: Id(1)] CommentView? Comment);
