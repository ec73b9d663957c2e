using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Http.Comments;
using Moderation.Redis.Comments;
using StackExchange.Redis;

namespace Moderation.Redis.Moderators;

/// <summary>
/// Queue pages from the sorted sets the comment scripts keep (by age and by score, per article and site-wide):
/// a page costs O(log n + page) and the counts are ZCARDs, however many comments are queued.
/// </summary>
public sealed class QueueStore(IConnectionMultiplexer redis)
{
    public async Task<QueuePage> PageAsync(string state, string? articleId, string sort, int limit, string? cursor)
    {
        var database = redis.GetDatabase();
        var byScore = sort == "score";
        var index = ModerationRedisKeys.Queue(state, byScore ? QueueNames.ByScore : QueueNames.ByAge, articleId);
        var pendingCount = database.SortedSetLengthAsync(ModerationRedisKeys.Queue(QueueNames.Pending, QueueNames.ByAge, articleId));
        var reportedCount = database.SortedSetLengthAsync(ModerationRedisKeys.Queue(QueueNames.Reported, QueueNames.ByAge, articleId));
        var ids = await SortedPages.RangeAsync(database, index, descending: sort != "oldest", cursor, limit + 1);
        var comments = await SortedPages.ReadCommentsAsync(database, ids.Take(limit));
        var reports = await ReadReportsAsync(database, comments);
        var items = comments.Select((comment, i) => new QueueItem(comment, reports[i])).ToImmutableArray();
        string? next = null;
        if (ids.Length > limit && comments.Length > 0)
        {
            var last = comments[^1];
            next = (byScore ? QueueScript.ScoreKey(QueueScript.Micro(last.Score ?? 0), last.Sequence) : last.Sequence)
                .ToString(CultureInfo.InvariantCulture);
        }

        return new QueuePage(items, next, await pendingCount, await reportedCount);
    }

    /// <summary>How many comments wait in one site-wide queue.</summary>
    public Task<long> SiteSizeAsync(string state) =>
        redis.GetDatabase().SortedSetLengthAsync(ModerationRedisKeys.Queue(state, QueueNames.ByAge));

    private static async Task<ImmutableArray<ReportEntry>[]> ReadReportsAsync(IDatabase database, CommentView[] comments)
    {
        var batch = database.CreateBatch();
        var reads = comments.Select(comment => comment.ReportCount > 0
            ? batch.HashValuesAsync(CommentRedisKeys.Reports(comment.Id))
            : Task.FromResult(Array.Empty<RedisValue>())).ToArray();
        batch.Execute();
        var values = await Task.WhenAll(reads);
        return [.. values.Select(reports => reports
            .Select(json => JsonSerializer.Deserialize<ReportEntry>((string)json!, PublicComment.JsonOptions)!)
            .OrderBy(report => report.At)
            .ToImmutableArray())];
    }
}
