using System.Collections.Immutable;
using Moderation.Contracts.Comments;

namespace Moderation.Redis.Imports;

/// <summary>A comment brought from another system (or from this one's export), with its id and author id already made.</summary>
/// <param name="Source">Where it came from, kept on the comment: <c>disqus:123</c>, <c>wordpress:45</c>, <c>export</c>.</param>
/// <param name="Verdict">The filter's verdict when the import asked for one (<c>--rescore</c>); null: not scored.</param>
public sealed record ImportedComment(
    string Id,
    string ArticleId,
    string? ParentId,
    string AuthorId,
    string? AuthorName,
    string Body,
    DateTimeOffset CreatedAt,
    string Status,
    string? RejectionReason,
    string Source,
    ImportVerdict? Verdict = null);

/// <summary>What the filter made of an imported comment: its score, the model, why it is held, and what drove the score.</summary>
public sealed record ImportVerdict(double Score, string ModelVersion, ImmutableArray<string> Reasons, ImmutableArray<ScoreTerm> Explanation);

/// <summary>What storing one imported comment did.</summary>
public enum ImportOutcome
{
    /// <summary>Stored now.</summary>
    Stored,

    /// <summary>Already stored by an earlier import: nothing changed.</summary>
    Exists,

    /// <summary>Its parent is not stored (yet): nothing changed; send it again once the parent is.</summary>
    WaitingForParent,
}
