using Moderation.Contracts.Comments;
using StackExchange.Redis;

namespace Moderation.Redis.Comments;

/// <summary>
/// Cursor pages of a sorted set whose scores are distinct integers: the cursor is the last score handed out, and the
/// next page starts strictly past it. O(log n + page) at any size, and stable while members come and go.
/// </summary>
internal static class SortedPages
{
    public static async Task<string[]> RangeAsync(IDatabase database, RedisKey key, bool descending, string? cursor, int take)
    {
        var from = cursor is null ? (descending ? "+inf" : "-inf") : "(" + cursor;
        var to = descending ? "-inf" : "+inf";
        var result = await database.ExecuteAsync(descending ? "ZREVRANGEBYSCORE" : "ZRANGEBYSCORE", key, from, to, "LIMIT", 0, take);
        return [.. ((RedisResult[])result!).Select(member => (string)member!)];
    }

    /// <summary>The comments behind a page of ids, read in one round trip; ids whose hash is gone are left out.</summary>
    public static async Task<CommentView[]> ReadCommentsAsync(IDatabase database, IEnumerable<string> ids)
    {
        var batch = database.CreateBatch();
        var reads = ids.Select(id => batch.HashGetAllAsync(CommentRedisKeys.Comment(id))).ToArray();
        batch.Execute();
        var entries = await Task.WhenAll(reads);
        return [.. entries.Select(CommentRecords.Parse).OfType<CommentView>()];
    }
}
