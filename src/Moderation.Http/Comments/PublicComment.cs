using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moderation.Http.Comments;

/// <summary>A comment as readers see it: the contract's comment shape plus reply count, depth and where it is shown.</summary>
/// <param name="Id">The comment id.</param>
/// <param name="ArticleId">The article.</param>
/// <param name="ParentId">The comment replied to, or null.</param>
/// <param name="ThreadParentId">The comment it is shown under, or null at top level.</param>
/// <param name="Depth">1 at top level, at most 4.</param>
/// <param name="AuthorId">The author's reader id.</param>
/// <param name="AuthorName">The author's display name.</param>
/// <param name="Body">The text; empty once deleted.</param>
/// <param name="CreatedAt">When it was posted.</param>
/// <param name="Status">published, pending, rejected or deleted.</param>
/// <param name="Revision">The comment's revision.</param>
/// <param name="ReplyCount">Published replies shown under it.</param>
/// <param name="Deleted">True once its author or a moderator deleted it.</param>
/// <param name="Reactions">How many readers reacted to it ("respect").</param>
/// <param name="Featured">True while an editor or moderator features it.</param>
/// <param name="ReactedByMe">Whether the reader whose token came with the request reacted to it; null without a token.</param>
public sealed record PublicComment(
    string Id,
    string ArticleId,
    string? ParentId,
    string? ThreadParentId,
    int Depth,
    string AuthorId,
    string? AuthorName,
    string Body,
    DateTimeOffset CreatedAt,
    string Status,
    long Revision,
    long ReplyCount,
    bool Deleted,
    long Reactions = 0,
    bool Featured = false,
    bool? ReactedByMe = null)
{
    /// <summary>In the answer to a post the service rejected at once, the rule that rejected it (banned-word); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    /// <summary>True once its author edited it.</summary>
    public bool Edited => EditedAt is not null;

    /// <summary>When its author last edited it, or null.</summary>
    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>For moderators only, the earlier texts of an edited comment, oldest first; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<CommentVersionResponse>? Versions { get; init; }

    /// <summary>camelCase web defaults, as the HTTP API writes (<see cref="HttpJson.Options"/>).</summary>
    public static JsonSerializerOptions JsonOptions => HttpJson.Options;
}

/// <summary>One page of comments as the API answers it.</summary>
/// <param name="Items">The comments.</param>
/// <param name="NextCursor">Where the next page starts (send it back unchanged as <c>cursor</c>; its form is the service's own), or null at the end.</param>
public sealed record PublicCommentPage(IReadOnlyList<PublicComment> Items, string? NextCursor);
