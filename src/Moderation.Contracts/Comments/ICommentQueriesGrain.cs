using Orleans.Concurrency;

namespace Moderation.Contracts.Comments;

/// <summary>Reads of threads and replies, served by a local worker straight from the Redis indexes.</summary>
public interface ICommentQueriesGrain : IGrainWithIntegerKey
{
    /// <summary>One comment, whatever its status, or null; callers decide who may see it.</summary>
    [AlwaysInterleave]
    Task<CommentView?> Comment(string commentId);

    /// <summary>A page of an article's published top-level comments; sort is newest, oldest, top (most reactions, then newest) or featured.</summary>
    [AlwaysInterleave]
    Task<CommentPage> Thread(string articleId, string sort, int limit, string? cursor);

    /// <summary>The first page (of the default 20) of a thread as response JSON, cached in Redis until the thread changes.</summary>
    [AlwaysInterleave]
    Task<string> FirstPageJson(string articleId, string sort);

    /// <summary>A page of the published replies shown under a comment, oldest first.</summary>
    [AlwaysInterleave]
    Task<CommentPage> Replies(string commentId, int limit, string? cursor);
}
