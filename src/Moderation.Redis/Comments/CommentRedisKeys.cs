namespace Moderation.Redis.Comments;

/// <summary>
/// Where comments and their indexes live in Redis: every key in its part (<see cref="CommentParts"/>). A comment's
/// keys take the part from its id; an article's keys and the site-wide shares take it as an argument.
/// </summary>
public static class CommentRedisKeys
{
    /// <summary>Hash of one comment's fields (<see cref="CommentFields"/>).</summary>
    public static string Comment(string commentId) => $"{CommentParts.Prefix(CommentParts.OfComment(commentId))}comment:{{{commentId}}}";

    /// <summary>Hash of reader id to that reader's report (JSON) on one comment.</summary>
    public static string Reports(string commentId) => $"{Comment(commentId)}:reports";

    /// <summary>Set of the reader ids who reacted to one comment; its size is the comment's <c>reactions</c> field.</summary>
    public static string Reactors(string commentId) => $"{Comment(commentId)}:reactors";

    /// <summary>List of an edited comment's earlier texts (<c>CommentVersion</c> JSON), oldest first; the edit script appends to it.</summary>
    public static string Versions(string commentId) => $"{Comment(commentId)}:versions";

    /// <summary>Sorted set of an article's visible top-level comments, scored by their sequence number.</summary>
    public static string Thread(int part, string articleId) => $"{Article(part, articleId)}thread";

    /// <summary>
    /// Sorted set of an article's published top-level comments for the <c>top</c> sort, scored
    /// <c>reactions * 2^33 + seq</c> (<see cref="TopOrder"/>): most reactions first, then newest.
    /// </summary>
    public static string Top(int part, string articleId) => $"{Article(part, articleId)}top";

    /// <summary>Sorted set of an article's featured published comments (any depth), scored by their sequence number.</summary>
    public static string Featured(int part, string articleId) => $"{Article(part, articleId)}featured";

    /// <summary>Sorted set of the visible replies shown under one comment, scored by their sequence number.</summary>
    public static string Replies(int part, string articleId, string commentId) => $"{Article(part, articleId)}replies:{commentId}";

    /// <summary>Sorted set of every comment ever posted to an article, whatever its status, scored by sequence number: what a recount reads.</summary>
    public static string Comments(int part, string articleId) => $"{Article(part, articleId)}comments";

    /// <summary>
    /// Sorted set of a part's article ids by the time (Unix ms) a script last changed their comments. Each such script
    /// writes it first, so that if a crash keeps any of a script's writes, it keeps this one: see <c>CommentRecovery</c>.
    /// </summary>
    public static string TouchedArticles(int part) => CommentParts.Prefix(part) + "articles:touched";

    /// <summary>Hash of an article's counters: "published".</summary>
    public static string Counts(int part, string articleId) => $"{Article(part, articleId)}counts";

    /// <summary>Grows whenever what an article's first thread pages show changes; cached pages carry the version they were built at.</summary>
    public static string ThreadVersion(int part, string articleId) => $"{Article(part, articleId)}thread-version";

    /// <summary>The cached first page of an article's thread in one sort order: "version\njson".</summary>
    public static string FirstPage(int part, string articleId, string sort) => $"{Article(part, articleId)}first-page:{sort}";

    /// <summary>Counter behind the sequence numbers of a part's comments: creation order within the part, unique.</summary>
    public static string Sequence(int part) => CommentParts.Prefix(part) + "comments:seq";

    /// <summary>
    /// A key a script declares but never touches, where a slot of its fixed key list does not apply (no parent, no
    /// moderator). Unique per comment and slot, so that no script declares one key twice and none share a stand-in lock.
    /// </summary>
    public static string Unused(int part, string id, string slot) => $"{CommentParts.Prefix(part)}unused:{{{id}}}:{slot}";

    /// <summary>Pub/sub channel of an article's newly published comments and counts.</summary>
    public static string Events(string articleId) => $"moderation:article:{articleId}:events";

    /// <summary>The start of an article's keys; the braces after the part's tag are the old per-article tag, kept so old names move by a prefix.</summary>
    internal static string Article(int part, string articleId) => $"{CommentParts.Prefix(part)}article:{{{articleId}}}:";
}
