using System.Collections.Immutable;
using Moderation.Redis.Comments;
using StackExchange.Redis;

namespace Moderation.Redis.Readers;

/// <summary>What a reader's record says across every part: the trust rules' input.</summary>
/// <param name="Posted">Comments the reader has stored, whatever became of them, but for those the gate rejected at once (a banned word).</param>
/// <param name="Approved">Comments that went live (published at once or approved), less those rejected after.</param>
/// <param name="RejectedAt">When each comment rejected since the asked-for time was rejected, oldest first.</param>
public sealed record ReaderHistory(long Posted, long Approved, ImmutableArray<DateTimeOffset> RejectedAt);

/// <summary>
/// Reads a reader's history: the post and decide scripts keep it per part, in the part of each comment, so it never
/// parts from the comments it counts; a read sums the 16 parts in one pipelined round trip.
/// </summary>
public sealed class ReaderHistories(IConnectionMultiplexer redis)
{
    private static readonly RedisValue[] CountFields = ["posted", "approved"];

    public async Task<ReaderHistory> ReadAsync(string readerId, DateTimeOffset rejectionsSince)
    {
        var batch = redis.GetDatabase().CreateBatch();
        var since = rejectionsSince.ToUnixTimeMilliseconds();
        var counts = CommentParts.All.Select(part => batch.HashGetAsync(ReaderRedisKeys.Counts(part, readerId), CountFields)).ToArray();
        var rejections = CommentParts.All
            .Select(part => batch.SortedSetRangeByScoreWithScoresAsync(ReaderRedisKeys.Rejections(part, readerId), since))
            .ToArray();
        batch.Execute();

        long posted = 0, approved = 0;
        foreach (var values in await Task.WhenAll(counts))
        {
            posted += (long?)values[0] ?? 0;
            approved += (long?)values[1] ?? 0;
        }

        var times = (await Task.WhenAll(rejections))
            .SelectMany(entries => entries)
            .Select(entry => DateTimeOffset.FromUnixTimeMilliseconds((long)entry.Score))
            .Order()
            .ToImmutableArray();
        return new ReaderHistory(posted, approved, times);
    }
}
