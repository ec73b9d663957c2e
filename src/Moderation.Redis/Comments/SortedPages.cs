using System.Globalization;
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

    /// <summary>As <see cref="RangeAsync"/>, with each member's position (score), for indexes whose scores are not a field of the comment.</summary>
    public static async Task<(string Id, long Position)[]> RangeWithPositionsAsync(
        IDatabase database, RedisKey key, bool descending, string? cursor, int take)
    {
        var after = cursor is null ? (double?)null : long.Parse(cursor, NumberStyles.None, CultureInfo.InvariantCulture);
        var (low, high, exclude) = (after, descending) switch
        {
            (null, _) => (double.NegativeInfinity, double.PositiveInfinity, Exclude.None),
            (_, true) => (double.NegativeInfinity, after.Value, Exclude.Stop),
            _ => (after.Value, double.PositiveInfinity, Exclude.Start),
        };
        var entries = await database.SortedSetRangeByScoreWithScoresAsync(
            key, low, high, exclude, descending ? Order.Descending : Order.Ascending, 0, take);
        return [.. entries.Select(entry => ((string)entry.Element!, (long)entry.Score))];
    }

    /// <summary>
    /// Up to <paramref name="take"/> members after <paramref name="after"/> (0: from the start), with their positions,
    /// as <see cref="PartEntry{T}"/>s of <paramref name="part"/> whose merge order is still to be filled in.
    /// </summary>
    public static async Task<List<PartEntry<string>>> RangeInPartAsync(
        IDatabase database, int part, RedisKey key, bool descending, long after, int take)
    {
        var (low, high, exclude) = (after, descending) switch
        {
            (0, _) => (double.NegativeInfinity, double.PositiveInfinity, Exclude.None),
            (_, true) => (double.NegativeInfinity, after, Exclude.Stop),
            _ => (after, double.PositiveInfinity, Exclude.Start),
        };
        var entries = await database.SortedSetRangeByScoreWithScoresAsync(
            key, low, high, exclude, descending ? Order.Descending : Order.Ascending, 0, take);
        return [.. entries.Select(entry => new PartEntry<string>(part, (long)entry.Score, 0, (string)entry.Element!))];
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
