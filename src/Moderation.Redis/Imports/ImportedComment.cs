namespace Moderation.Redis.Imports;

/// <summary>A comment brought from another system (or from this one's export), with its id and author id already made.</summary>
/// <param name="Source">Where it came from, kept on the comment: <c>disqus:123</c>, <c>wordpress:45</c>, <c>export</c>.</param>
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
    string Source);

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
