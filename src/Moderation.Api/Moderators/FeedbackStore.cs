using Moderation.Redis.Moderators;
using Moderation.Toxicity.Retraining;

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

/// <summary>The examples in Redis (<see cref="FeedbackRecords"/>), as the toxicity model's labelled examples.</summary>
public sealed class FeedbackStore(FeedbackRecords records) : IFeedbackStore
{
    public async Task<FeedbackBatch> ReadAsync(long after, int limit)
    {
        var (examples, position) = await records.ReadAsync(after, limit);
        return new FeedbackBatch(
            [.. examples.Select(stored => new LabelledExample(
                stored.Text, stored.Label == 1, stored.ModelScore, stored.ModelVersion, stored.Moderator, stored.DecidedAt))],
            position);
    }

    public Task<long> CountAsync() => records.CountAsync();
}
