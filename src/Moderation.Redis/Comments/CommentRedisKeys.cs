namespace Moderation.Redis.Comments;

/// <summary>
/// Where comments and their indexes live in Redis: all in the comment slot (<see cref="CommentSlot"/>), since the
/// scripts that change a comment also change site-wide indexes.
/// </summary>
public static class CommentRedisKeys
{
    /// <summary>Hash of one comment's fields (<see cref="CommentFields"/>).</summary>
    public static string Comment(string commentId) => $"{CommentSlot.Prefix}comment:{{{commentId}}}";

    /// <summary>Hash of reader id to that reader's report (JSON) on one comment.</summary>
    public static string Reports(string commentId) => $"{CommentSlot.Prefix}comment:{{{commentId}}}:reports";

    /// <summary>Sorted set of an article's visible top-level comments, scored by their sequence number.</summary>
    public static string Thread(string articleId) => $"{CommentSlot.Prefix}article:{{{articleId}}}:thread";

    /// <summary>Sorted set of the visible replies shown under one comment, scored by their sequence number.</summary>
    public static string Replies(string articleId, string commentId) => $"{CommentSlot.Prefix}article:{{{articleId}}}:replies:{commentId}";

    /// <summary>Sorted set of every comment ever posted to an article, whatever its status, scored by sequence number: what a recount reads.</summary>
    public static string Comments(string articleId) => $"{CommentSlot.Prefix}article:{{{articleId}}}:comments";

    /// <summary>
    /// Sorted set of article ids by the time (Unix ms) a script last changed their comments. Each such script writes it
    /// first, so that if a crash keeps any of a script's writes, it keeps this one: see <c>CommentRecovery</c>.
    /// </summary>
    public const string TouchedArticles = CommentSlot.Prefix + "articles:touched";

    /// <summary>Hash of an article's counters: "published".</summary>
    public static string Counts(string articleId) => $"{CommentSlot.Prefix}article:{{{articleId}}}:counts";

    /// <summary>Grows whenever what an article's first thread pages show changes; cached pages carry the version they were built at.</summary>
    public static string ThreadVersion(string articleId) => $"{CommentSlot.Prefix}article:{{{articleId}}}:thread-version";

    /// <summary>The cached first page of an article's thread in one sort order: "version\njson".</summary>
    public static string FirstPage(string articleId, string sort) => $"{CommentSlot.Prefix}article:{{{articleId}}}:first-page:{sort}";

    /// <summary>Counter behind every comment's sequence number: creation order, site-wide, unique.</summary>
    public const string Sequence = CommentSlot.Prefix + "comments:seq";

    /// <summary>
    /// A key a script declares but never touches, where a slot of its fixed key list does not apply (no parent, no
    /// moderator). Unique per comment and slot, so that no script declares one key twice and none share a stand-in lock.
    /// </summary>
    public static string Unused(string commentId, string slot) => $"{CommentSlot.Prefix}unused:{{{commentId}}}:{slot}";

    /// <summary>Pub/sub channel of an article's newly published comments and counts.</summary>
    public static string Events(string articleId) => $"moderation:article:{articleId}:events";
}
