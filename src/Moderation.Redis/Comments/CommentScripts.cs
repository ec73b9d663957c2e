using Moderation.Contracts.Comments;
using Moderation.Redis.Moderators;
using Moderation.Redis.Readers;
using Moderation.Redis.Scripts;
using Moderation.Redis.Webhooks;

namespace Moderation.Redis.Comments;

/// <summary>
/// The scripts that change a stored comment (new ones: <see cref="PostBatchScript"/>). Each writes the article's entry in
/// the touched-articles index first and the comment's own hash last (see <see cref="CommentRecovery"/>).
/// </summary>
internal static class CommentScripts
{
    /// <summary>A comment moving between states, and the moderator who moved it (null: its author or the system).</summary>
    public sealed record StateChange(CommentView Comment, string? ModeratorId)
    {
        public PublishedCountScript.Placement Placement => new(Comment.ArticleId, Comment.Id, Comment.ThreadParentId);

        public int Part => CommentParts.OfComment(Comment.Id);
    }

    /// <summary>The keys of every script that moves a comment between states: the delete and decide scripts start with them.</summary>
    public static ScriptKeys<StateChange> StateChangeKeys() => new ScriptKeys<StateChange>()
        .Key("comment", change => CommentRedisKeys.Comment(change.Comment.Id))
        .With(PublishedCountScript.Keys(), change => change.Placement)
        .With(QueueScript.Keys(), change => (change.Part, change.Comment.ArticleId))
        .Key("reader_pending", change => ReaderRedisKeys.Pending(change.Part, change.Comment.AuthorId))
        .With(AuditScript.Keys(), change => AuditScript.Subject.About(change.Comment.Id, change.ModeratorId))
        .Key("touched", change => CommentRedisKeys.TouchedArticles(change.Part))
        .Key("top", change => CommentRedisKeys.Top(change.Part, change.Comment.ArticleId))
        .Key("featured", change => CommentRedisKeys.Featured(change.Part, change.Comment.ArticleId));

    /// <summary>
    /// ARGV: reader id, report JSON, threshold, comment id, now (Unix ms), the webhook event's JSON (empty when no webhook
    /// wants it). Answers counted, already or not-found.
    /// </summary>
    public static readonly RedisScript<CommentView> Report = new(
        "report a comment",
        new ScriptKeys<CommentView>()
            .Key("comment", comment => CommentRedisKeys.Comment(comment.Id))
            .Key("reports", comment => CommentRedisKeys.Reports(comment.Id))
            .With(QueueScript.Keys(), comment => (CommentParts.OfComment(comment.Id), comment.ArticleId))
            .Key("outbox", comment => WebhookRedisKeys.Outbox(CommentParts.OfComment(comment.Id))),
        """
        local c = redis.call('HMGET', comment, 'status', 'seq', 'scoreMicro', 'reportsAtReview', 'reported', 'reasons')
        if c[1] ~= 'published' then return 'not-found' end
        if redis.call('HSETNX', reports, ARGV[1], ARGV[2]) == 0 then return 'already' end
        local n = redis.call('HINCRBY', comment, 'reports', 1)
        if c[5] ~= '1' and n - tonumber(c[4] or '0') >= tonumber(ARGV[3]) then
          mark_reported(comment, ARGV[4], c[2], c[3], c[6])
        end
        if ARGV[6] ~= '' then redis.call('ZADD', outbox, ARGV[5], ARGV[6]) end
        return 'counted'
        """,
        QueueScript.Lua);

    /// <summary>
    /// ARGV: comment id, audit record head (empty: no record), whether it is a reply ('1'), now (Unix ms), article id.
    /// Answers {former status, published count}, or {'not-found', '0'}.
    /// </summary>
    public static readonly RedisScript<StateChange> Delete = new(
        "delete a comment",
        StateChangeKeys().Key("versions", change => CommentRedisKeys.Versions(change.Comment.Id)),
        """
        local id = ARGV[1]
        local c = redis.call('HMGET', comment, 'status')
        if not c[1] then return {'not-found', '0'} end
        if c[1] == 'deleted' then return {'deleted', tostring(published_count())} end
        redis.call('ZADD', touched, ARGV[4], ARGV[5])
        for _, state in ipairs(queue_states) do queue(state, false, id) end
        redis.call('SREM', reader_pending, id)
        local count
        if c[1] == 'published' then
          count = count_published(-1, ARGV[3] == '1')
        else
          count = published_count()
        end
        redis.call('ZREM', top, id)
        redis.call('ZREM', featured, id)
        redis.call('HSET', comment, 'status', 'deleted', 'body', '', 'reported', '0', 'featured', '0')
        redis.call('DEL', versions)
        redis.call('HINCRBY', comment, 'revision', 1)
        if ARGV[2] ~= '' then append_audit(audit_json(ARGV[2], c[1], 'deleted'), true, true) end
        return {c[1], tostring(count)}
        """,
        PublishedCountScript.Lua, QueueScript.Lua, AuditScript.Lua);
}
