using Moderation.Contracts.Moderators;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Moderators;

/// <summary>
/// The queue fragment every comment script shares: the four queues of an article and site-wide, each by age and by
/// score (<c>queues.pending.article_age</c> ... <c>queues.rejected.site_score</c>), and a Lua function that puts a
/// comment in or takes it out of one queue.
/// </summary>
internal static class QueueScript
{
    private static readonly string[] States = [QueueNames.Pending, QueueNames.Reported, QueueNames.Approved, QueueNames.Rejected];

    /// <summary>
    /// The sixteen queue keys of an article and its part's share of the site-wide queues, named
    /// <c>queues.STATE.article_age|article_score|site_age|site_score</c>.
    /// </summary>
    public static ScriptKeys<(int Part, string ArticleId)> Keys()
    {
        var keys = new ScriptKeys<(int Part, string ArticleId)>();
        foreach (var state in States)
        {
            keys.Key($"queues.{state}.article_age", article => ModerationRedisKeys.Queue(article.Part, state, QueueNames.ByAge, article.ArticleId))
                .Key($"queues.{state}.article_score", article => ModerationRedisKeys.Queue(article.Part, state, QueueNames.ByScore, article.ArticleId))
                .Key($"queues.{state}.site_age", article => ModerationRedisKeys.Queue(article.Part, state, QueueNames.ByAge))
                .Key($"queues.{state}.site_score", article => ModerationRedisKeys.Queue(article.Part, state, QueueNames.ByScore));
        }

        return keys;
    }

    /// <summary>
    /// Lua that defines queue(state, add, id, seq, micro), queue_states, and mark_reported(comment_key, id, seq, micro,
    /// reasons), which puts a comment in the reported queue and marks it reported with <c>reports</c> among its reasons. Scores: age is the comment's sequence
    /// number; the score order packs the score in millionths above 33 bits of sequence, so every score is a distinct
    /// integer below 2^53 and one number is an exact cursor.
    /// </summary>
    public const string Lua = """
        local queue_states = {'pending', 'reported', 'approved', 'rejected'}
        local queue_orders = {'article_age', 'article_score', 'site_age', 'site_score'}
        local function score_key(micro, seq)
          return string.format('%.0f', tonumber(micro) * 8589934592 + tonumber(seq))
        end
        local function queue(state, add, id, seq, micro)
          local q = queues[state]
          if add then
            local by_score = score_key(micro, seq)
            redis.call('ZADD', q.article_age, seq, id)
            redis.call('ZADD', q.article_score, by_score, id)
            redis.call('ZADD', q.site_age, seq, id)
            redis.call('ZADD', q.site_score, by_score, id)
          else
            for _, order in ipairs(queue_orders) do redis.call('ZREM', q[order], id) end
          end
        end
        local function mark_reported(comment_key, id, seq, micro, reasons)
          queue('reported', true, id, seq, micro)
          reasons = reasons or ''
          if not string.find(',' .. reasons .. ',', ',reports,', 1, true) then
            if reasons == '' then reasons = 'reports' else reasons = reasons .. ',reports' end
          end
          redis.call('HSET', comment_key, 'reported', '1', 'reasons', reasons)
        end

        """;

    /// <summary>The score-order value of a comment: the same number the Lua computes.</summary>
    public static long ScoreKey(long micro, long sequence) => micro * 8589934592L + sequence;

    /// <summary>The sequence number inside a score-order value.</summary>
    public static long SequenceOf(long scoreKey) => scoreKey % 8589934592L;

    /// <summary>The score in millionths inside a score-order value.</summary>
    public static long MicroOf(long scoreKey) => scoreKey / 8589934592L;

    /// <summary>A score in millionths, as stored.</summary>
    public static long Micro(double score) => (long)Math.Round(Math.Clamp(score, 0, 1) * 1_000_000);
}
