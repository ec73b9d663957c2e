using System.Globalization;
using StackExchange.Redis;

namespace Moderation.Redis.Moderators;

/// <summary>
/// Reads the labelled examples the decision script stores next to each human decision's audit record (same number),
/// so an example exists exactly when its decision does.
/// </summary>
public sealed class FeedbackRecords(IConnectionMultiplexer redis)
{
    /// <returns>Up to <paramref name="limit"/> examples numbered after <paramref name="after"/>, oldest first, and the last number read (<paramref name="after"/> when none).</returns>
    public async Task<(IReadOnlyList<FeedbackExample> Examples, long Position)> ReadAsync(long after, int limit)
    {
        var database = redis.GetDatabase();
        var numbers = await database.SortedSetRangeByScoreAsync(
            ModerationRedisKeys.Feedback, after, double.PositiveInfinity, Exclude.Start, Order.Ascending, 0, limit);
        if (numbers.Length == 0)
        {
            return ([], after);
        }

        var records = await database.HashGetAsync(ModerationRedisKeys.FeedbackRecords, numbers);
        var examples = records.Where(record => !record.IsNullOrEmpty)
            .Select(record => FeedbackExample.Parse((string)record!) ?? throw new InvalidOperationException("An empty feedback record."))
            .ToArray();
        return (examples, long.Parse((string)numbers[^1]!, CultureInfo.InvariantCulture));
    }

    public Task<long> CountAsync() => redis.GetDatabase().SortedSetLengthAsync(ModerationRedisKeys.Feedback);
}
