using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;
using Moderation.Redis.Scripts;

namespace Moderation.Redis.Imports;

/// <summary>
/// Restores what readers, moderators and its author added to a comment from this service's export: its reactors, its
/// reports, its featured mark, its place in the reported queue, and its earlier texts with the time of the last edit. It runs after the import script on the same connection, so the
/// comment is stored by then, and it only adds (a set member, a report per reader, a flag), so running it again on a
/// comment that has them changes nothing: the counts are the sizes of the sets, not sums, and earlier texts are written
/// only to a comment that has none.
/// </summary>
internal static class ExtrasScript
{
    /// <summary>
    /// ARGV: comment id, featured ('1'), reports at review, in the reported queue ('1'), edited at (Unix ms; empty: never),
    /// the number of reactors, the number of earlier texts, the reactors, the earlier texts (JSON), then reader id and
    /// report JSON pairs. Answers restored, or not-found when the comment is not stored.
    /// </summary>
    public static readonly RedisScript<ImportedComment> Restore = new(
        "restore a comment's extras",
        new ScriptKeys<ImportedComment>()
            .Key("comment", comment => CommentRedisKeys.Comment(comment.Id))
            .Key("reactors", comment => CommentRedisKeys.Reactors(comment.Id))
            .Key("reports", comment => CommentRedisKeys.Reports(comment.Id))
            .Key("versions", comment => CommentRedisKeys.Versions(comment.Id))
            .Key("featured", comment => CommentRedisKeys.Featured(CommentParts.OfComment(comment.Id), comment.ArticleId))
            .Key("top", comment => CommentRedisKeys.Top(CommentParts.OfComment(comment.Id), comment.ArticleId))
            .Key("thread_version", comment => CommentRedisKeys.ThreadVersion(CommentParts.OfComment(comment.Id), comment.ArticleId))
            .With(QueueScript.Keys(), comment => (CommentParts.OfComment(comment.Id), comment.ArticleId)),
        """
        local id = ARGV[1]
        local c = redis.call('HMGET', comment, 'status', 'seq', 'threadParentId', 'scoreMicro', 'reasons', 'reported', 'reportsAtReview')
        if not c[1] then return 'not-found' end
        local reactor_count, version_count = tonumber(ARGV[6]), tonumber(ARGV[7])
        for i = 8, 7 + reactor_count do redis.call('SADD', reactors, ARGV[i]) end
        local n = redis.call('SCARD', reactors)
        if n > 0 then redis.call('HSET', comment, 'reactions', tostring(n)) end
        local first_version = 8 + reactor_count
        if version_count > 0 and redis.call('EXISTS', versions) == 0 then
          for i = first_version, first_version + version_count - 1 do redis.call('RPUSH', versions, ARGV[i]) end
        end
        if ARGV[5] ~= '' then redis.call('HSET', comment, 'editedAt', ARGV[5]) end
        for i = first_version + version_count, #ARGV, 2 do redis.call('HSETNX', reports, ARGV[i], ARGV[i + 1]) end
        local r = redis.call('HLEN', reports)
        local reviewed = math.max(tonumber(c[7] or '0'), math.min(tonumber(ARGV[3]), r))
        redis.call('HSET', comment, 'reports', tostring(r), 'reportsAtReview', tostring(reviewed))
        if c[1] ~= 'published' then return 'restored' end
        if ARGV[2] == '1' then
          redis.call('ZADD', featured, c[2], id)
          redis.call('HSET', comment, 'featured', '1')
        end
        if ARGV[4] == '1' and c[6] ~= '1' then
          mark_reported(comment, id, c[2], c[4], c[5])
        end
        if (c[3] or '') == '' and n > 0 then redis.call('ZADD', top, top_score(n, c[2]), id) end
        redis.call('INCR', thread_version)
        return 'restored'
        """,
        QueueScript.Lua, TopOrder.Lua);
}
