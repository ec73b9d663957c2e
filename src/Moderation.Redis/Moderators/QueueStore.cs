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
/// Queue pages from the sorted sets the comment scripts keep (by age and by score, per article and per part): an
/// article's page costs O(log n + page); a site-wide page reads the next entries of every part and merges them
/// (<see cref="PartMerge"/>). Counts are ZCARDs, summed over the parts for the site-wide queues.
/// </summary>
public sealed class QueueStore(IConnectionMultiplexer redis, CommentParts parts)
{
    public async Task<QueuePage> PageAsync(string state, string? articleId, string sort, int limit, string? cursor)
    {
        var database = redis.GetDatabase();
        var pendingCount = SizeAsync(database, QueueNames.Pending, articleId);
        var reportedCount = SizeAsync(database, QueueNames.Reported, articleId);
        var (comments, next) = articleId is null
            ? await SitePageAsync(database, state, sort, limit, cursor)
            : await ArticlePageAsync(database, state, articleId, sort, limit, cursor);
        var reports = await ReadReportsAsync(database, comments);
        var versions = await EditStore.VersionsAsync(database, comments);
        var items = comments.Select((comment, i) => new QueueItem(comment, reports[i], versions[i])).ToImmutableArray();
        return new QueuePage(items, next, await pendingCount, await reportedCount);
    }

    /// <summary>How many comments wait in one site-wide queue.</summary>
    public Task<long> SiteSizeAsync(string state) => SizeAsync(redis.GetDatabase(), state, articleId: null);

    private async Task<long> SizeAsync(IDatabase database, string state, string? articleId)
    {
        if (articleId is not null)
        {
            return await database.SortedSetLengthAsync(ModerationRedisKeys.Queue(parts.OfArticle(articleId), state, QueueNames.ByAge, articleId));
        }

        var sizes = await Task.WhenAll(CommentParts.All.Select(part => database.SortedSetLengthAsync(ModerationRedisKeys.Queue(part, state, QueueNames.ByAge))));
        return sizes.Sum();
    }

    private async Task<(CommentView[] Comments, string? Next)> ArticlePageAsync(
        IDatabase database, string state, string articleId, string sort, int limit, string? cursor)
    {
        var byScore = sort == "score";
        var index = ModerationRedisKeys.Queue(parts.OfArticle(articleId), state, byScore ? QueueNames.ByScore : QueueNames.ByAge, articleId);
        var ids = await SortedPages.RangeAsync(database, index, descending: sort != "oldest", cursor, limit + 1);
        var comments = await SortedPages.ReadCommentsAsync(database, ids.Take(limit));
        string? next = null;
        if (ids.Length > limit && comments.Length > 0)
        {
            var last = comments[^1];
            next = (byScore ? QueueScript.ScoreKey(QueueScript.Micro(last.Score ?? 0), last.Sequence) : last.Sequence)
                .ToString(CultureInfo.InvariantCulture);
        }

        return (comments, next);
    }

    /// <summary>
    /// Score order merges by the score in millionths (inside each entry's position); age order by the comments'
    /// creation time, read with one HGET each, since sequence numbers count within a part only.
    /// </summary>
    private static async Task<(CommentView[] Comments, string? Next)> SitePageAsync(
        IDatabase database, string state, string sort, int limit, string? cursorText)
    {
        if (!PartCursor.TryParse(cursorText, out var cursor))
        {
            throw new ArgumentException($"'{cursorText}' is not a queue cursor.", nameof(cursorText));
        }

        var byScore = sort == "score";
        var descending = sort != "oldest";
        var order = byScore ? QueueNames.ByScore : QueueNames.ByAge;
        var perPart = await Task.WhenAll(CommentParts.All.Select(part => SortedPages.RangeInPartAsync(
            database, part, ModerationRedisKeys.Queue(part, state, order), descending, cursor[part], limit + 1)));
        var entries = byScore
            ? perPart.Select(list => (IReadOnlyList<PartEntry<string>>)[.. list.Select(entry => entry with { Order = QueueScript.MicroOf(entry.Position) })]).ToArray()
            : await WithCreationTimesAsync(database, perPart, descending);
        var (taken, after, more) = PartMerge.Take(entries, cursor, limit, descending);
        return (await SortedPages.ReadCommentsAsync(database, taken.Select(entry => entry.Item)), more ? after.ToString() : null);
    }

    /// <summary>Entries of every part with their comments' creation times as merge order, read in one round trip.</summary>
    internal static async Task<IReadOnlyList<PartEntry<string>>[]> WithCreationTimesAsync(IDatabase database, List<PartEntry<string>>[] perPart, bool descending)
    {
        var batch = database.CreateBatch();
        var reads = perPart.Select(list => list.Select(entry => batch.HashGetAsync(CommentRedisKeys.Comment(entry.Item), CommentFields.CreatedAt)).ToArray()).ToArray();
        batch.Execute();
        var result = new IReadOnlyList<PartEntry<string>>[perPart.Length];
        for (var part = 0; part < perPart.Length; part++)
        {
            var times = await Task.WhenAll(reads[part]);
            // An entry whose comment is gone is taken first and left out of the page, so that the cursor moves past it.
            result[part] = [.. perPart[part].Select((entry, i) => entry with
            {
                Order = (long?)times[i] ?? (descending ? long.MaxValue : long.MinValue),
            })];
        }

        return result;
    }

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
