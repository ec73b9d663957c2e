using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Readers;
using Moderation.Redis.Scripts;
using Moderation.Redis.Webhooks;

namespace Moderation.Redis.Moderators;

/// <summary>
/// A moderator's decision as one script: the revision check, the status change, the thread and queue indexes, the
/// published count, the author's history in the part (approved count, rejection times), the audit record and the
/// labelled example all change together or not at all.
/// </summary>
internal static class DecisionScript
{
    /// <summary>
    /// ARGV: action, expected revision (empty: any), comment id, audit record head, feedback JSON (empty: none),
    /// whether it is a reply ('1'), now (Unix ms), article id, the reason of a rejection, the webhook event's JSON (empty when no webhook wants it). Answers {'applied', former status, published count},
    /// or {'stale'}, {'deleted'}, {'not-found'}.
    /// </summary>
    public static readonly RedisScript<CommentScripts.StateChange> Decide = new(
        "decide on a comment",
        CommentScripts.StateChangeKeys()
            .Key("thread", change => PublishedCountScript.Thread(change.Placement))
            .Key("feedback_records", change => ModerationRedisKeys.FeedbackRecords(change.Part))
            .Key("feedback", change => ModerationRedisKeys.Feedback(change.Part))
            .Key("reader_counts", change => ReaderRedisKeys.Counts(change.Part, change.Comment.AuthorId))
            .Key("reader_rejections", change => ReaderRedisKeys.Rejections(change.Part, change.Comment.AuthorId))
            .Key("outbox", change => WebhookRedisKeys.Outbox(change.Part)),
        """
        local action, expected, id = ARGV[1], ARGV[2], ARGV[3]
        local c = redis.call('HMGET', comment, 'status', 'revision', 'seq', 'scoreMicro', 'reports', 'reactions')
        if not c[1] then return {'not-found'} end
        if c[1] == 'deleted' then return {'deleted'} end
        if expected ~= '' and tonumber(expected) ~= tonumber(c[2]) then return {'stale'} end
        redis.call('ZADD', touched, ARGV[7], ARGV[8])
        local from, seq, micro = c[1], c[3], c[4]
        local to = 'rejected'
        if action == 'approve' then to = 'published' end
        queue('pending', false, id)
        queue('reported', false, id)
        redis.call('SREM', reader_pending, id)
        if action == 'approve' then
          queue('rejected', false, id)
          queue('approved', true, id, seq, micro)
          redis.call('HSET', comment, 'reportsAtReview', c[5] or '0')
        else
          queue('approved', false, id)
          queue('rejected', true, id, seq, micro)
          redis.call('HSET', comment, 'rejectionReason', ARGV[9])
        end
        if to == 'published' and from ~= 'published' then
          redis.call('HINCRBY', reader_counts, 'approved', 1)
          redis.call('ZREM', reader_rejections, id)
        elseif to == 'rejected' and from ~= 'rejected' then
          if from == 'published' then redis.call('HINCRBY', reader_counts, 'approved', -1) end
          redis.call('ZADD', reader_rejections, ARGV[7], id)
        end
        local count = published_count()
        if to == 'published' and from ~= 'published' then
          redis.call('ZADD', thread, seq, id)
          if ARGV[6] ~= '1' then redis.call('ZADD', top, top_score(c[6], seq), id) end
          count = count_published(1, ARGV[6] == '1')
        elseif to == 'rejected' and from == 'published' then
          redis.call('ZREM', thread, id)
          redis.call('ZREM', top, id)
          redis.call('ZREM', featured, id)
          redis.call('HSET', comment, 'featured', '0')
          count = count_published(-1, ARGV[6] == '1')
        end
        redis.call('HSET', comment, 'status', to, 'reported', '0')
        redis.call('HINCRBY', comment, 'revision', 1)
        local n = append_audit(audit_json(ARGV[4], from, to), true, true)
        if ARGV[5] ~= '' then
          redis.call('HSET', feedback_records, n, ARGV[5])
          redis.call('ZADD', feedback, n, n)
        end
        if ARGV[10] ~= '' then redis.call('ZADD', outbox, ARGV[7], ARGV[10]) end
        return {'applied', from, tostring(count)}
        """,
        PublishedCountScript.Lua, QueueScript.Lua, AuditScript.Lua, TopOrder.Lua);
}
