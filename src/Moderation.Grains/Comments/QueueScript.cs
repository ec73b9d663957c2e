using Moderation.Contracts.Moderators;
using StackExchange.Redis;

namespace Moderation.Grains.Comments;

/// <summary>
/// The queue part that every comment script shares: sixteen keys (four queues, each per article and site-wide,
/// by age and by score) starting at KEYS[Q], and a Lua function that puts a comment in or takes it out of one queue.
/// </summary>
internal static class QueueScript
{
    public const int Pending = 0;
    public const int Reported = 1;
    public const int Approved = 2;
    public const int Rejected = 3;

    private static readonly string[] States = [QueueNames.Pending, QueueNames.Reported, QueueNames.Approved, QueueNames.Rejected];

    /// <summary>
    /// Lua that defines queue(state, add, id, seq, micro). Scores: age is the comment's sequence number; the score
    /// order packs the score in millionths above 33 bits of sequence, so every score is a distinct integer below 2^53
    /// and one number is an exact cursor. Works on Lua 5.1 (Redis) and 5.4 (Garnet).
    /// </summary>
    public static string Prelude(int firstKey) => $$"""
        local unpack = unpack or table.unpack
        local Q = {{firstKey}}
        local function score_key(micro, seq)
          return string.format('%.0f', tonumber(micro) * 8589934592 + tonumber(seq))
        end
        local function queue(state, add, id, seq, micro)
          local base = Q + state * 4
          if add then
            local by_score = score_key(micro, seq)
            redis.call('ZADD', KEYS[base], seq, id)
            redis.call('ZADD', KEYS[base + 1], by_score, id)
            redis.call('ZADD', KEYS[base + 2], seq, id)
            redis.call('ZADD', KEYS[base + 3], by_score, id)
          else
            for i = 0, 3 do
              redis.call('ZREM', KEYS[base + i], id)
            end
          end
        end

        """;

    /// <summary>The sixteen queue keys of an article, in the order the prelude expects.</summary>
    public static IEnumerable<RedisKey> Keys(string articleId)
    {
        foreach (var state in States)
        {
            yield return ModerationRedisKeys.Queue(state, QueueNames.ByAge, articleId);
            yield return ModerationRedisKeys.Queue(state, QueueNames.ByScore, articleId);
            yield return ModerationRedisKeys.Queue(state, QueueNames.ByAge);
            yield return ModerationRedisKeys.Queue(state, QueueNames.ByScore);
        }
    }

    /// <summary>The score-order value of a comment: the same number the Lua computes.</summary>
    public static long ScoreKey(long micro, long sequence) => micro * 8589934592L + sequence;

    /// <summary>A score in millionths, as stored.</summary>
    public static long Micro(double score) => (long)Math.Round(Math.Clamp(score, 0, 1) * 1_000_000);
}
