using Moderation.Contracts.Comments;
using Moderation.Redis.Scripts;

namespace Moderation.Redis.Comments;

/// <summary>
/// The fragment that keeps an article's counts next to its thread, shared by the post, delete and decide scripts: the
/// keys around where a comment is shown (<c>thread_parent</c>, <c>counts</c>, <c>thread_version</c>) and
/// Lua that reads the published count, or moves it together with the thread parent's reply count and the thread version.
/// </summary>
internal static class PublishedCountScript
{
    /// <summary>Where a comment is shown: the article's thread, or the replies under its thread parent; in the comment's part.</summary>
    public sealed record Placement(string ArticleId, string CommentId, string? ThreadParentId)
    {
        public int Part => CommentParts.OfComment(CommentId);
    }

    /// <summary>The sorted set the comment is shown in: its article's thread, or the replies under its thread parent.</summary>
    public static string Thread(Placement place) => place.ThreadParentId is null
        ? CommentRedisKeys.Thread(place.Part, place.ArticleId)
        : CommentRedisKeys.Replies(place.Part, place.ArticleId, place.ThreadParentId);

    public static ScriptKeys<Placement> Keys() => new ScriptKeys<Placement>()
        .Key("thread_parent", place => place.ThreadParentId is null
            ? CommentRedisKeys.Unused(place.Part, place.CommentId, "thread-parent")
            : CommentRedisKeys.Comment(place.ThreadParentId))
        .Key("counts", place => CommentRedisKeys.Counts(place.Part, place.ArticleId))
        .Key("thread_version", place => CommentRedisKeys.ThreadVersion(place.Part, place.ArticleId));

    /// <summary>Lua that defines published_count() and count_published(delta, is_reply), which returns the new count.</summary>
    public const string Lua = """
        local function published_count()
          return redis.call('HGET', counts, 'published') or '0'
        end
        local function count_published(delta, is_reply)
          if is_reply then redis.call('HINCRBY', thread_parent, 'replyCount', delta) end
          local count = redis.call('HINCRBY', counts, 'published', delta)
          redis.call('INCR', thread_version)
          return count
        end

        """;
}
