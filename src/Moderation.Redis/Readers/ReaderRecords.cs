using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;
using StackExchange.Redis;

namespace Moderation.Redis.Readers;

/// <summary>
/// Reads everything stored about one reader, for their export: their comments from the per-part indexes (with the audit
/// records and labelled examples about each), their counts, and what <see cref="ReaderFootprint"/> finds outside those.
/// </summary>
public sealed class ReaderRecords(IConnectionMultiplexer redis, ReaderFootprint footprint)
{
    public async Task<StoredReader> ReadAsync(string readerId, CancellationToken cancellationToken = default)
    {
        var database = redis.GetDatabase();
        var comments = new List<StoredComment>();
        long posted = 0, approved = 0, rejections = 0, held = 0;
        foreach (var part in CommentParts.All)
        {
            var ids = await database.SortedSetRangeByRankAsync(ReaderRedisKeys.Comments(part, readerId));
            foreach (var id in ids)
            {
                if (CommentRecords.Parse(await database.HashGetAllAsync(CommentRedisKeys.Comment((string)id!))) is { } comment)
                {
                    comments.Add(await WithRecordsAsync(database, part, comment));
                }
            }

            var counts = await database.HashGetAsync(ReaderRedisKeys.Counts(part, readerId), ["posted", "approved"]);
            posted += (long?)counts[0] ?? 0;
            approved += (long?)counts[1] ?? 0;
            rejections += await database.SortedSetLengthAsync(ReaderRedisKeys.Rejections(part, readerId));
            held += await database.SetLengthAsync(ReaderRedisKeys.Pending(part, readerId));
        }

        var found = await footprint.FindAsync(readerId, cancellationToken);
        var waitMs = await database.KeyTimeToLiveAsync(ReaderRedisKeys.PostGate(readerId));
        return new StoredReader(
            [.. comments.OrderBy(stored => stored.Comment.CreatedAt)],
            new StoredCounts(posted, approved, rejections, held),
            found,
            waitMs);
    }

    private static async Task<StoredComment> WithRecordsAsync(IDatabase database, int part, CommentView comment)
    {
        var numbers = (await database.SortedSetRangeByRankAsync(ModerationRedisKeys.AuditByComment(comment.Id))).ToArray();
        if (numbers.Length == 0)
        {
            return new StoredComment(comment, [], []);
        }

        var records = await database.HashGetAsync(ModerationRedisKeys.AuditRecords(part), numbers);
        var examples = await database.HashGetAsync(ModerationRedisKeys.FeedbackRecords(part), numbers);
        return new StoredComment(
            comment,
            [.. records.Where(record => !record.IsNullOrEmpty).Select(record => AuditJson.Parse(record!))],
            [.. examples.Where(example => !example.IsNullOrEmpty).Select(example => FeedbackExample.Parse(example!)).OfType<FeedbackExample>()]);
    }
}

/// <summary>Everything stored about a reader, as their export reads it.</summary>
/// <param name="PostGateLeft">How long the reader must still wait before posting, if they must.</param>
public sealed record StoredReader(IReadOnlyList<StoredComment> Comments, StoredCounts Counts, Footprint Footprint, TimeSpan? PostGateLeft);

/// <summary>One of the reader's comments with the decisions about it and the labelled examples made of it.</summary>
public sealed record StoredComment(CommentView Comment, IReadOnlyList<AuditEntry> Decisions, IReadOnlyList<FeedbackExample> Labels);

/// <summary>The reader's counts that the trust levels read: comments posted and approved, rejections kept, comments held.</summary>
public sealed record StoredCounts(long Posted, long Approved, long Rejections, long Held);
