using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using StackExchange.Redis;

namespace Moderation.Grains.Moderators;

/// <summary>
/// The audit part shared by scripts: five keys from KEYS[A] (sequence, records, all, by comment, by moderator)
/// and a Lua function that appends a record under the next number and indexes it.
/// </summary>
internal static class AuditScript
{
    public static string Prelude(int firstKey) => $$"""
        local A = {{firstKey}}
        local function audit(json, has_comment, has_moderator)
          local n = redis.call('INCR', KEYS[A])
          redis.call('HSET', KEYS[A + 1], n, json)
          redis.call('ZADD', KEYS[A + 2], n, n)
          if has_comment then redis.call('ZADD', KEYS[A + 3], n, n) end
          if has_moderator then redis.call('ZADD', KEYS[A + 4], n, n) end
          return n
        end

        """;

    /// <summary>The five audit keys; an absent comment or moderator gets an unused stand-in (<paramref name="subject"/> makes it unique), skipped by the flags.</summary>
    public static IEnumerable<RedisKey> Keys(string? commentId, string? moderatorId, string subject)
    {
        yield return ModerationRedisKeys.AuditSequence;
        yield return ModerationRedisKeys.AuditRecords;
        yield return ModerationRedisKeys.AuditAll;
        yield return commentId is null ? CommentRedisKeys.Unused(subject, "audit-comment") : ModerationRedisKeys.AuditByComment(commentId);
        yield return moderatorId is null ? CommentRedisKeys.Unused(subject, "audit-moderator") : ModerationRedisKeys.AuditByModerator(moderatorId);
    }
}
