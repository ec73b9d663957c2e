using System.Globalization;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Grains.Comments;
using StackExchange.Redis;

namespace Moderation.Grains.Moderators;

/// <summary>
/// A decision as one script: the revision check, the status change, the thread and queue indexes, the published
/// count, the audit record and the labelled example all change together or not at all.
/// </summary>
public sealed class DecisionStore(RedisWriteConnections writes)
{
    private const string DecideScript = """
        local action, expected, id = ARGV[1], ARGV[2], ARGV[3]
        local c = redis.call('HMGET', KEYS[1], 'status', 'revision', 'seq', 'scoreMicro', 'reports')
        if not c[1] then return {'not-found'} end
        if c[1] == 'deleted' then return {'deleted'} end
        if expected ~= '' and tonumber(expected) ~= tonumber(c[2]) then return {'stale'} end
        redis.call('ZADD', KEYS[28], ARGV[7], ARGV[8])
        local from, seq, micro = c[1], c[3], c[4]
        local to = 'rejected'
        if action == 'approve' then to = 'published' end
        queue(0, false, id)
        queue(1, false, id)
        redis.call('SREM', KEYS[22], id)
        if action == 'approve' then
          queue(3, false, id)
          queue(2, true, id, seq, micro)
          redis.call('HSET', KEYS[1], 'reportsAtReview', c[5] or '0')
        else
          queue(2, false, id)
          queue(3, true, id, seq, micro)
        end
        local count = redis.call('HGET', KEYS[4], 'published') or '0'
        if to == 'published' and from ~= 'published' then
          redis.call('ZADD', KEYS[2], seq, id)
          if ARGV[6] == '1' then redis.call('HINCRBY', KEYS[3], 'replyCount', 1) end
          count = redis.call('HINCRBY', KEYS[4], 'published', 1)
          redis.call('INCR', KEYS[5])
        elseif to == 'rejected' and from == 'published' then
          redis.call('ZREM', KEYS[2], id)
          if ARGV[6] == '1' then redis.call('HINCRBY', KEYS[3], 'replyCount', -1) end
          count = redis.call('HINCRBY', KEYS[4], 'published', -1)
          redis.call('INCR', KEYS[5])
        end
        redis.call('HSET', KEYS[1], 'status', to, 'reported', '0')
        redis.call('HINCRBY', KEYS[1], 'revision', 1)
        local n = audit(audit_json(ARGV[4], from, to), true, true)
        if ARGV[5] ~= '' then
          redis.call('HSET', KEYS[29], n, ARGV[5])
          redis.call('ZADD', KEYS[30], n, n)
        end
        return {'applied', from, tostring(count)}
        """;

    private static readonly string DecideLua =
        QueueScript.Prelude(6) + AuditScript.Prelude(23) + AuditJson.CloseLua + DecideScript;

    /// <returns>The outcome, the status before and the article's published count after.</returns>
    public async Task<(DecisionOutcome Outcome, string? FormerStatus, long PublishedCount)> DecideAsync(
        CommentView comment, ModerationDecision decision, string auditHead, string? feedbackJson)
    {
        RedisKey[] keys =
        [
            .. CommentStore.StateChangeKeys(comment, decision.ModeratorId),
            ModerationRedisKeys.FeedbackRecords,
            ModerationRedisKeys.Feedback,
        ];
        RedisValue[] arguments =
        [
            decision.Action,
            decision.Revision is { } revision ? CommentRecords.Invariant(revision) : "",
            comment.Id,
            auditHead,
            feedbackJson ?? "",
            comment.ThreadParentId is null ? "0" : "1",
            CommentRecords.Invariant(decision.At.ToUnixTimeMilliseconds()),
            comment.ArticleId,
        ];

        var result = (RedisResult[])(await CommentStore.Writes(writes).ScriptEvaluateAsync(DecideLua, keys, arguments))!;
        return (string)result[0]! switch
        {
            "applied" => (DecisionOutcome.Applied, (string)result[1]!, long.Parse((string)result[2]!, CultureInfo.InvariantCulture)),
            "stale" => (DecisionOutcome.StaleRevision, null, 0),
            "deleted" => (DecisionOutcome.Deleted, null, 0),
            _ => (DecisionOutcome.NotFound, null, 0),
        };
    }
}
