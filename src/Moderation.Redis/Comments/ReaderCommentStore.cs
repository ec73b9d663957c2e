using Moderation.Contracts.Comments;
using Moderation.Redis.Moderators;
using Moderation.Redis.Readers;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>
/// A reader's own comments, from the per-part index the post script keeps (<see cref="ReaderRedisKeys.Comments"/>):
/// written in the same script as the comment, so it is exact whenever the comment is. A reader's comments span
/// articles of every part, so a page merges the 16 indexes by creation time, as the site-wide queues do.
/// </summary>
public sealed class ReaderCommentStore(IConnectionMultiplexer redis)
{
    /// <summary>A reader's comments, any status, newest first; the cursor is a merged one (<see cref="PartCursor"/>).</summary>
    public async Task<CommentPage> PageAsync(string readerId, int limit, string? cursorText)
    {
        if (!PartCursor.TryParse(cursorText, out var cursor))
        {
            throw new ArgumentException($"'{cursorText}' is not a merged cursor.", nameof(cursorText));
        }

        var database = redis.GetDatabase();
        var perPart = await Task.WhenAll(CommentParts.All.Select(part => SortedPages.RangeInPartAsync(
            database, part, ReaderRedisKeys.Comments(part, readerId), descending: true, cursor[part], limit + 1)));
        var entries = await QueueStore.WithCreationTimesAsync(database, perPart, descending: true);
        var (taken, after, more) = PartMerge.Take(entries, cursor, limit, descending: true);
        var comments = await SortedPages.ReadCommentsAsync(database, taken.Select(entry => entry.Item));
        return new CommentPage([.. comments], more ? after.ToString() : null);
    }

    /// <summary>
    /// How many of a reader's comments are in each status, and how many drew reports. Reads the status of every
    /// comment the reader wrote (O(their comments), pipelined): a moderator's look at one author, not a hot path.
    /// </summary>
    public async Task<ReaderCommentCounts> CountAsync(string readerId)
    {
        var database = redis.GetDatabase();
        var perPart = await Task.WhenAll(CommentParts.All.Select(part => database.SortedSetRangeByRankAsync(ReaderRedisKeys.Comments(part, readerId))));
        var batch = database.CreateBatch();
        var reads = perPart.SelectMany(ids => ids)
            .Select(id => batch.HashGetAsync(CommentRedisKeys.Comment((string)id!), [CommentFields.Status, CommentFields.ReportCount]))
            .ToArray();
        batch.Execute();
        var fields = await Task.WhenAll(reads);
        long Count(string status) => fields.Count(values => (string?)values[0] == status);
        return new ReaderCommentCounts(
            Count(CommentStatus.Published),
            Count(CommentStatus.Pending),
            Count(CommentStatus.Rejected),
            Count(CommentStatus.Deleted),
            fields.Count(values => (long?)values[1] > 0));
    }
}

/// <summary>A reader's comments by status, and those that drew at least one report.</summary>
public sealed record ReaderCommentCounts(long Published, long Pending, long Rejected, long Deleted, long Reported);
