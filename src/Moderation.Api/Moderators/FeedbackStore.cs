using System.Globalization;
using System.Text.Json;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Toxicity.Retraining;
using StackExchange.Redis;

namespace Moderation.Api.Moderators;

/// <summary>The moderators' decisions as labelled examples, for retraining the toxicity model.</summary>
public interface IFeedbackStore
{
    /// <summary>Up to <paramref name="limit"/> examples recorded after position <paramref name="after"/> (0: from the start), oldest first.</summary>
    Task<FeedbackBatch> ReadAsync(long after, int limit);

    /// <summary>How many examples are stored.</summary>
    Task<long> CountAsync();
}

/// <summary>A batch of examples and the position to read on from.</summary>
public sealed record FeedbackBatch(IReadOnlyList<LabelledExample> Examples, long Position);

/// <summary>
/// Reads the examples the decision script stores next to each human decision's audit record (same number), so
/// an example exists exactly when its decision does.
/// </summary>
public sealed class FeedbackStore(IConnectionMultiplexer redis) : IFeedbackStore
{
    public async Task<FeedbackBatch> ReadAsync(long after, int limit)
    {
        var database = redis.GetDatabase();
        var numbers = await database.SortedSetRangeByScoreAsync(
            ModerationRedisKeys.Feedback, after, double.PositiveInfinity, Exclude.Start, Order.Ascending, 0, limit);
        if (numbers.Length == 0)
        {
            return new FeedbackBatch([], after);
        }

        var records = await database.HashGetAsync(ModerationRedisKeys.FeedbackRecords, numbers);
        var examples = records.Where(record => !record.IsNullOrEmpty).Select(record => ToExample((string)record!)).ToArray();
        return new FeedbackBatch(examples, long.Parse((string)numbers[^1]!, CultureInfo.InvariantCulture));
    }

    public Task<long> CountAsync() => redis.GetDatabase().SortedSetLengthAsync(ModerationRedisKeys.Feedback);

    private static LabelledExample ToExample(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredExample>(json, PublicComment.JsonOptions)
            ?? throw new InvalidOperationException("An empty feedback record.");
        return new LabelledExample(stored.Text, stored.Label == 1, stored.ModelScore, stored.ModelVersion, stored.Moderator, stored.DecidedAt);
    }

    // The shape the grains write (FeedbackExample in Moderation.Grains).
    private sealed record StoredExample(string CommentId, string Text, int Label, double? ModelScore, string? ModelVersion, string Moderator, DateTimeOffset DecidedAt);
}
