using Moderation.Redis.Moderators;
using Moderation.Redis.Readers;
using Moderation.Redis.Scripts;

namespace Moderation.Redis.Comments;

/// <summary>
/// The scripts of a reader's erasure and of the retention of rejected texts. Each touches one part's slot: a comment of
/// the reader, a comment they reacted to or reported, or the reader's own indexes in one part. Each is idempotent: run
/// again (after a crash, or by a second silo), it finds its work done and changes nothing.
/// </summary>
internal static class ErasureScripts
{
    /// <summary>
    /// ARGV: comment id, whether it is a reply ('1'), now (Unix ms), article id, the reader's pseudonym, the reader id, audit
    /// record head, whether a moderator asked ('1'). Takes the comment out as a delete does (queues, top, featured, the published and reply counts; a
    /// published one stays in its thread as "deleted", so its replies stay), then empties its text and everything
    /// derived from it and writes the pseudonym as its author. Answers the former status, 'erased' when already done,
    /// or 'not-found'.
    /// </summary>
    public static readonly RedisScript<CommentScripts.StateChange> EraseComment = new(
        "erase a reader's comment",
        CommentScripts.StateChangeKeys(),
        """
        local id, is_reply, now, article_id, pseudonym, reader = ARGV[1], ARGV[2] == '1', ARGV[3], ARGV[4], ARGV[5], ARGV[6]
        local c = redis.call('HMGET', comment, 'status', 'authorId')
        if not c[1] then return 'not-found' end
        if c[2] ~= reader then return 'erased' end
        redis.call('ZADD', touched, now, article_id)
        for _, state in ipairs(queue_states) do queue(state, false, id) end
        redis.call('SREM', reader_pending, id)
        if c[1] == 'published' then count_published(-1, is_reply) end
        redis.call('ZREM', top, id)
        redis.call('ZREM', featured, id)
        append_audit(audit_json(ARGV[7], c[1], 'deleted'), true, ARGV[8] == '1')
        if c[1] ~= 'deleted' then redis.call('HINCRBY', comment, 'revision', 1) end
        redis.call('HSET', comment, 'status', 'deleted', 'body', '', 'authorId', pseudonym, 'authorName', '',
          'explanation', '[]', 'reasons', '', 'rejectionReason', '', 'reported', '0', 'featured', '0')
        return c[1]
        """,
        PublishedCountScript.Lua, QueueScript.Lua, AuditScript.Lua);

    /// <summary>Drops a reader's indexes in one part (held comments, counts, rejection times, their comments): the last step of a part's erasure.</summary>
    public static readonly RedisScript<(int Part, string ReaderId)> ForgetReaderPart = new(
        "forget a reader's indexes in a part",
        new ScriptKeys<(int Part, string ReaderId)>()
            .Key("reader_pending", reader => ReaderRedisKeys.Pending(reader.Part, reader.ReaderId))
            .Key("reader_counts", reader => ReaderRedisKeys.Counts(reader.Part, reader.ReaderId))
            .Key("reader_rejections", reader => ReaderRedisKeys.Rejections(reader.Part, reader.ReaderId))
            .Key("reader_comments", reader => ReaderRedisKeys.Comments(reader.Part, reader.ReaderId)),
        """
        return redis.call('DEL', reader_pending, reader_counts, reader_rejections, reader_comments)
        """);

    /// <summary>
    /// ARGV: reader id, comment id. Takes the reader out of the comment's reactors and writes the set's size back (and the
    /// top index's score of a published top-level comment). Answers 1 when the reader had reacted, else 0.
    /// </summary>
    public static readonly RedisScript<(string CommentId, string ArticleId)> WithdrawReaction = new(
        "withdraw a reader's reaction",
        new ScriptKeys<(string CommentId, string ArticleId)>()
            .Key("comment", comment => CommentRedisKeys.Comment(comment.CommentId))
            .Key("reactors", comment => CommentRedisKeys.Reactors(comment.CommentId))
            .Key("thread_version", comment => CommentRedisKeys.ThreadVersion(CommentParts.OfComment(comment.CommentId), comment.ArticleId))
            .Key("top", comment => CommentRedisKeys.Top(CommentParts.OfComment(comment.CommentId), comment.ArticleId)),
        """
        if redis.call('SREM', reactors, ARGV[1]) == 0 then return 0 end
        local c = redis.call('HMGET', comment, 'status', 'threadParentId', 'seq')
        if not c[1] then return 1 end
        local n = redis.call('SCARD', reactors)
        redis.call('HSET', comment, 'reactions', tostring(n))
        if c[1] == 'published' and (c[2] or '') == '' then
          redis.call('ZADD', top, top_score(n, c[3]), ARGV[2])
          redis.call('INCR', thread_version)
        end
        return 1
        """,
        TopOrder.Lua);

    /// <summary>
    /// ARGV: reader id. Drops the reader's report of the comment and sets its report count to the reports left (and the
    /// count at the last review no higher). When that was the last report not yet reviewed, the comment leaves the reported
    /// queue (and loses the reason when no report is left): nobody is left who asks for a review. Answers 1 when the reader
    /// had reported it, else 0.
    /// </summary>
    public static readonly RedisScript<(string CommentId, string ArticleId)> WithdrawReport = new(
        "withdraw a reader's report",
        new ScriptKeys<(string CommentId, string ArticleId)>()
            .Key("comment", comment => CommentRedisKeys.Comment(comment.CommentId))
            .Key("reports", comment => CommentRedisKeys.Reports(comment.CommentId))
            .With(QueueScript.Keys(), comment => (CommentParts.OfComment(comment.CommentId), comment.ArticleId)),
        """
        if redis.call('HDEL', reports, ARGV[1]) == 0 then return 0 end
        local c = redis.call('HMGET', comment, 'id', 'reportsAtReview', 'reported', 'reasons')
        if not c[1] then return 1 end
        local n = redis.call('HLEN', reports)
        local reviewed = math.min(tonumber(c[2] or '0'), n)
        redis.call('HSET', comment, 'reports', tostring(n), 'reportsAtReview', tostring(reviewed))
        if c[3] == '1' and n - reviewed <= 0 then
          queue('reported', false, c[1])
          redis.call('HSET', comment, 'reported', '0')
          if n == 0 then
            local kept = {}
            for reason in string.gmatch(c[4] or '', '[^,]+') do
              if reason ~= 'reports' then kept[#kept + 1] = reason end
            end
            redis.call('HSET', comment, 'reasons', table.concat(kept, ','))
          end
        end
        return 1
        """,
        QueueScript.Lua);

    /// <summary>
    /// ARGV: audit record (JSON), the rejection time the text must be older than (Unix ms). Empties a rejected comment's
    /// text and what was derived from it, and audits it, when it was rejected before that time. Answers 1 when it did.
    /// </summary>
    public static readonly RedisScript<(string CommentId, string AuthorId)> RemoveRejectedText = new(
        "remove a rejected comment's text",
        new ScriptKeys<(string CommentId, string AuthorId)>()
            .Key("comment", subject => CommentRedisKeys.Comment(subject.CommentId))
            .Key("reader_rejections", subject => ReaderRedisKeys.Rejections(CommentParts.OfComment(subject.CommentId), subject.AuthorId))
            .With(AuditScript.Keys(), subject => AuditScript.Subject.About(subject.CommentId, null)),
        """
        local c = redis.call('HMGET', comment, 'status', 'body', 'id')
        if c[1] ~= 'rejected' or (c[2] or '') == '' then return 0 end
        local rejected_at = redis.call('ZSCORE', reader_rejections, c[3])
        if not rejected_at or tonumber(rejected_at) >= tonumber(ARGV[2]) then return 0 end
        append_audit(ARGV[1], true, false)
        redis.call('HSET', comment, 'body', '', 'explanation', '[]')
        return 1
        """,
        AuditScript.Lua);
}
