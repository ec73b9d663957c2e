using Moderation.Redis.Moderators;
using Moderation.Redis.Readers;
using Moderation.Redis.Scripts;

namespace Moderation.Redis.Comments;

/// <summary>
/// An author's edit as one script in the comment's part: the revision check, the earlier text kept, the new text with
/// the gate's new verdict, the thread, queue and featured indexes, the published count, the author's history in the
/// part and the audit record change together or not at all.
/// </summary>
internal static class EditScript
{
    /// <summary>
    /// ARGV: comment id, expected revision, new body, new status (published, pending or rejected), reasons, score,
    /// score in millionths, model version, explanation JSON, now (Unix ms), the replaced version's JSON, whether it is a
    /// reply ('1'), article id, audit record head, the reason of a rejection. Answers {'edited', former status, published count}, {'same'} when the
    /// body is already the new one, {'stale'}, {'not-editable'} (rejected or deleted) or {'not-found'}.
    /// </summary>
    public static readonly RedisScript<CommentScripts.StateChange> Edit = new(
        "edit a comment",
        CommentScripts.StateChangeKeys()
            .Key("thread", change => PublishedCountScript.Thread(change.Placement))
            .Key("reader_counts", change => ReaderRedisKeys.Counts(change.Part, change.Comment.AuthorId))
            .Key("reader_rejections", change => ReaderRedisKeys.Rejections(change.Part, change.Comment.AuthorId))
            .Key("versions", change => CommentRedisKeys.Versions(change.Comment.Id)),
        """
        local id, expected, body, to, micro, now = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[7], ARGV[10]
        local c = redis.call('HMGET', comment, 'status', 'revision', 'seq', 'body', 'reported')
        if not c[1] then return {'not-found'} end
        if c[4] == body then return {'same'} end
        if tonumber(expected) ~= tonumber(c[2]) then return {'stale'} end
        local from, seq = c[1], c[3]
        if from ~= 'published' and from ~= 'pending' then return {'not-editable'} end
        redis.call('ZADD', touched, now, ARGV[13])
        redis.call('RPUSH', versions, ARGV[11])
        local count = published_count()
        local reported = c[5] or '0'
        if from == 'published' and to ~= 'published' then
          redis.call('ZREM', thread, id)
          redis.call('ZREM', top, id)
          redis.call('ZREM', featured, id)
          redis.call('HSET', comment, 'featured', '0')
          queue('reported', false, id)
          reported = '0'
          redis.call('HINCRBY', reader_counts, 'approved', -1)
          count = count_published(-1, ARGV[12] == '1')
        elseif from == 'published' then
          redis.call('INCR', thread_version)
          if reported == '1' then queue('reported', true, id, seq, micro) end
        end
        if to == 'pending' then
          queue('pending', true, id, seq, micro)
          redis.call('SADD', reader_pending, id)
        elseif to == 'rejected' then
          queue('pending', false, id)
          redis.call('SREM', reader_pending, id)
          queue('rejected', true, id, seq, micro)
          redis.call('ZADD', reader_rejections, now, id)
          redis.call('HSET', comment, 'rejectionReason', ARGV[15])
        end
        redis.call('HSET', comment, 'body', body, 'status', to, 'reasons', ARGV[5], 'score', ARGV[6], 'scoreMicro', micro,
          'modelVersion', ARGV[8], 'explanation', ARGV[9], 'editedAt', now, 'reported', reported)
        redis.call('HINCRBY', comment, 'revision', 1)
        append_audit(audit_json(ARGV[14], from, to), true, false)
        return {'edited', from, tostring(count)}
        """,
        PublishedCountScript.Lua, QueueScript.Lua, AuditScript.Lua);
}
