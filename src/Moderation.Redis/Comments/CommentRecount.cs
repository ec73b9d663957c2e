using System.Globalization;
using Moderation.Contracts.Articles;
using Moderation.Contracts.Comments;
using Moderation.Redis.Connection;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>
/// Recounts an article's published comments and reply counts from the comments themselves. The scan reads the
/// article's index of every comment in pages, without stopping writers; the correction is stored only if the
/// thread version, which every change of a count bumps, is still the one read before the scan. Otherwise a
/// post or decision raced the scan, and it starts again.
/// </summary>
public sealed class CommentRecount(IConnectionMultiplexer redis, RedisWriteConnections writes, CommentParts parts)
{
    private const int Attempts = 5;
    private const int PageSize = 1000;

    /// <summary>ARGV: the thread version read before the scan, the published count, then each listed comment's reply count.</summary>
    internal static readonly RedisScript<Correction> StoreIfUnchanged = new(
        "store a recount if no comment changed",
        new ScriptKeys<Correction>()
            .Key("thread_version", correction => CommentRedisKeys.ThreadVersion(correction.Part, correction.ArticleId))
            .Key("counts", correction => CommentRedisKeys.Counts(correction.Part, correction.ArticleId))
            .Rest("comments", correction => correction.CommentIds.Select(id => (RedisKey)CommentRedisKeys.Comment(id))),
        """
        if (redis.call('GET', thread_version) or '0') ~= ARGV[1] then return -1 end
        local before = tonumber(redis.call('HGET', counts, 'published') or '0')
        local changed = before ~= tonumber(ARGV[2])
        redis.call('HSET', counts, 'published', ARGV[2])
        for i, comment in ipairs(comments) do
          if redis.call('EXISTS', comment) == 1 then
            redis.call('HSET', comment, 'replyCount', ARGV[2 + i])
            changed = true
          end
        end
        if changed then redis.call('INCR', thread_version) end
        return before
        """);

    private IDatabase Database => redis.GetDatabase();

    public async Task<CommentRecountReport?> RecountAsync(string articleId)
    {
        var part = parts.OfArticle(articleId);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var version = (string?)await Database.StringGetAsync(CommentRedisKeys.ThreadVersion(part, articleId)) ?? "0";
            var tally = await ScanAsync(part, articleId);
            RedisValue[] arguments =
            [
                version,
                tally.Published,
                .. tally.WrongReplyCounts.Values.Select(count => (RedisValue)count),
            ];
            var before = (long)await StoreIfUnchanged.EvaluateAsync(
                CommentStore.Writes(writes, part), new Correction(part, articleId, [.. tally.WrongReplyCounts.Keys]), arguments);
            if (before >= 0)
            {
                return new CommentRecountReport(articleId, tally.Scanned, before, tally.Published, tally.WrongReplyCounts.Count);
            }
        }

        return null;
    }

    private async Task<Tally> ScanAsync(int part, string articleId)
    {
        var index = CommentRedisKeys.Comments(part, articleId);
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

        // Every comment of an article is in its part; an id of another part could not be corrected by the one-slot script.
        var wrong = keptReplyCounts
            .Where(kept => CommentParts.OfComment(kept.Key) == part)
            .Where(kept => kept.Value != publishedReplies.GetValueOrDefault(kept.Key))
            .ToDictionary(kept => kept.Key, kept => publishedReplies.GetValueOrDefault(kept.Key), StringComparer.Ordinal);
        return new Tally(scanned, published, wrong);
    }

    internal sealed record Correction(int Part, string ArticleId, IReadOnlyList<string> CommentIds);

    private sealed record Tally(int Scanned, long Published, Dictionary<string, long> WrongReplyCounts);
}
