using Moderation.Redis.Comments;
using StackExchange.Redis;

namespace Moderation.Redis.Moderators;

/// <summary>
/// Reads the labelled examples the decision script stores next to each human decision's audit record (same number,
/// same part), so an example exists exactly when its decision does. A position names a stored vector of per-part
/// audit numbers (<see cref="ModerationRedisKeys.FeedbackCursors"/>), so readers keep one growing number while each
/// part is followed by its own: an example committed late in one part is still read.
/// </summary>
public sealed class FeedbackRecords(IConnectionMultiplexer redis)
{
    /// <returns>
    /// Up to <paramref name="limit"/> examples after position <paramref name="after"/>, oldest first (by decision time,
    /// then part, then number), and the position after them (<paramref name="after"/> when none). A position with no
    /// stored vector is part 0's audit number, which is what positions were before the parts.
    /// </returns>
    public async Task<(IReadOnlyList<FeedbackExample> Examples, long Position)> ReadAsync(long after, int limit)
    {
        var database = redis.GetDatabase();
        var stored = after == 0 ? null : (string?)await database.HashGetAsync(ModerationRedisKeys.FeedbackCursors, after);
        // No stored vector: a position from before the parts, part 0's audit number (0: every part from the start).
        if (!PartCursor.TryParse(stored ?? AuditStore.Number(after), out var cursor))
        {
            throw new InvalidOperationException($"The feedback position {after} names an unreadable vector '{stored}'.");
        }

        var perPart = await Task.WhenAll(CommentParts.All.Select(async part =>
        {
            var numbers = await SortedPages.RangeInPartAsync(
                database, part, ModerationRedisKeys.Feedback(part), descending: false, cursor[part], limit);
            var records = numbers.Count == 0
                ? []
                : await database.HashGetAsync(ModerationRedisKeys.FeedbackRecords(part), [.. numbers.Select(number => (RedisValue)number.Position)]);
            // A number whose record is gone is taken first and left out, so that the position moves past it.
            return (IReadOnlyList<PartEntry<FeedbackExample?>>)[.. numbers.Select((number, i) =>
            {
                var example = records[i].IsNullOrEmpty
                    ? null
                    : FeedbackExample.Parse((string)records[i]!) ?? throw new InvalidOperationException("An empty feedback record.");
                return new PartEntry<FeedbackExample?>(part, number.Position, example?.DecidedAt.ToUnixTimeMilliseconds() ?? long.MinValue, example);
            })];
        }));
        var (taken, vector, _) = PartMerge.Take(perPart, cursor, limit, descending: false);
        if (taken.Count == 0)
        {
            return ([], after);
        }

        var position = await database.StringIncrementAsync(ModerationRedisKeys.FeedbackCursorSequence);
        await database.HashSetAsync(ModerationRedisKeys.FeedbackCursors, position, vector.ToString());
        return ([.. taken.Select(entry => entry.Item).OfType<FeedbackExample>()], position);
    }

    /// <summary>How many examples are stored, in every part.</summary>
    public async Task<long> CountAsync()
    {
        var database = redis.GetDatabase();
        var sizes = await Task.WhenAll(CommentParts.All.Select(part => database.SortedSetLengthAsync(ModerationRedisKeys.Feedback(part))));
        return sizes.Sum();
    }
}
