using System.Globalization;
using Moderation.Contracts.Articles;
using Moderation.Contracts.Comments;
using StackExchange.Redis;

namespace Moderation.Grains.Comments;

/// <summary>
/// Recounts an article's published comments and reply counts from the comments themselves. The scan reads the
/// article's index of every comment in pages, without stopping writers; the correction is stored only if the
/// thread version, which every change of a count bumps, is still the one read before the scan. Otherwise a
/// post or decision raced the scan, and it starts again.
/// </summary>
public sealed class CommentRecount(IConnectionMultiplexer redis, RedisWriteConnections writes)
{
    private const int Attempts = 5;
    private const int PageSize = 1000;

    private const string StoreIfUnchangedLua = """
        if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return -1 end
        local before = tonumber(redis.call('HGET', KEYS[2], 'published') or '0')
        local changed = before ~= tonumber(ARGV[2])
        redis.call('HSET', KEYS[2], 'published', ARGV[2])
        for i = 3, #KEYS do
          if redis.call('EXISTS', KEYS[i]) == 1 then
            redis.call('HSET', KEYS[i], 'replyCount', ARGV[i])
            changed = true
          end
        end
        if changed then redis.call('INCR', KEYS[1]) end
        return before
        """;

    private IDatabase Database => redis.GetDatabase();

    public async Task<CommentRecountReport?> RecountAsync(string articleId)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var version = (string?)await Database.StringGetAsync(CommentRedisKeys.ThreadVersion(articleId)) ?? "0";
            var tally = await ScanAsync(articleId);
            RedisKey[] keys =
            [
                CommentRedisKeys.ThreadVersion(articleId),
                CommentRedisKeys.Counts(articleId),
                .. tally.WrongReplyCounts.Keys.Select(id => (RedisKey)CommentRedisKeys.Comment(id)),
            ];
            RedisValue[] arguments =
            [
                version,
                tally.Published,
                .. tally.WrongReplyCounts.Values.Select(count => (RedisValue)count),
            ];
            var before = (long)await CommentStore.Writes(writes).ScriptEvaluateAsync(StoreIfUnchangedLua, keys, arguments);
            if (before >= 0)
            {
                return new CommentRecountReport(articleId, tally.Scanned, before, tally.Published, tally.WrongReplyCounts.Count);
            }
        }

        return null;
    }

    private async Task<Tally> ScanAsync(string articleId)
    {
        var index = CommentRedisKeys.Comments(articleId);
        var published = 0L;
        var scanned = 0;
        var keptReplyCounts = new Dictionary<string, long>(StringComparer.Ordinal);
        var publishedReplies = new Dictionary<string, long>(StringComparer.Ordinal);
        for (long start = 0; ; start += PageSize)
        {
            var ids = await Database.SortedSetRangeByRankAsync(index, start, start + PageSize - 1);
            if (ids.Length == 0)
            {
                break;
            }

            var batch = Database.CreateBatch();
            RedisValue[] fields = [CommentFields.Status, CommentFields.ThreadParentId, CommentFields.ReplyCount];
            var reads = ids.Select(id => batch.HashGetAsync(CommentRedisKeys.Comment(id!), fields)).ToArray();
            batch.Execute();
            for (var i = 0; i < ids.Length; i++)
            {
                var values = await reads[i];
                scanned++;
                keptReplyCounts[(string)ids[i]!] = (long?)values[2] ?? 0;
                if ((string?)values[0] != CommentStatus.Published)
                {
                    continue;
                }

                published++;
                if ((string?)values[1] is { Length: > 0 } threadParent)
                {
                    publishedReplies[threadParent] = publishedReplies.GetValueOrDefault(threadParent) + 1;
                }
            }

            if (ids.Length < PageSize)
            {
                break;
            }
        }

        var wrong = keptReplyCounts
            .Where(kept => kept.Value != publishedReplies.GetValueOrDefault(kept.Key))
            .ToDictionary(kept => kept.Key, kept => publishedReplies.GetValueOrDefault(kept.Key), StringComparer.Ordinal);
        return new Tally(scanned, published, wrong);
    }

    private sealed record Tally(int Scanned, long Published, Dictionary<string, long> WrongReplyCounts);
}
