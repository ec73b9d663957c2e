using System.Collections.Immutable;
using Moderation.Contracts.Comments;

namespace Moderation.Redis.Imports;

/// <summary>A comment brought from another system (or from this one's export), with its id and author id already made.</summary>
/// <param name="Source">Where it came from, kept on the comment: <c>disqus:123</c>, <c>wordpress:45</c>, <c>export</c>.</param>
/// <param name="Verdict">The filter's verdict when the import asked for one (<c>--rescore</c>), or the export's score; null: not scored.</param>
/// <param name="Extras">What readers and moderators added to it, from this service's export; null: none.</param>
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
    ImportVerdict? Verdict = null,
    ImportExtras? Extras = null);

/// <summary>
/// A comment's reactors, reports (reader id and the report's stored JSON), featured mark, the report count a moderator
/// last reviewed, whether it is in the reported queue, when it was last edited, its earlier texts (stored JSON), and the
/// reasons it was held or queued when it was not scored (a scored one's are its verdict's).
/// </summary>
public sealed record ImportExtras(
    IReadOnlyList<string> Reactors,
    IReadOnlyList<(string ReaderId, string Json)> Reports,
    bool Featured,
    long ReportsAtReview,
    bool Reported,
    DateTimeOffset? EditedAt = null,
    IReadOnlyList<string>? Versions = null,
    IReadOnlyList<string>? Reasons = null)
{
    /// <summary>Whether there is anything to restore.</summary>
    public bool Any => Reactors.Count > 0 || Reports.Count > 0 || Featured || Reported || EditedAt is not null || Versions is { Count: > 0 };
}

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
