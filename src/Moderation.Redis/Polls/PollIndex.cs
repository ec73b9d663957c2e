using StackExchange.Redis;

namespace Moderation.Redis.Polls;

/// <summary>Every poll by creation time, for the editors' list. Polls created before the index existed are not in it.</summary>
public sealed class PollIndex(IConnectionMultiplexer redis)
{
    public async Task AddAsync(string pollId, DateTimeOffset createdAt) =>
        await redis.GetDatabase().SortedSetAddAsync(PollRedisKeys.AllPolls, pollId, createdAt.ToUnixTimeMilliseconds());

    /// <summary>The newest <paramref name="count"/> poll ids, newest first.</summary>
    public async Task<string[]> NewestAsync(int count) =>
        [.. (await redis.GetDatabase().SortedSetRangeByRankAsync(PollRedisKeys.AllPolls, 0, count - 1, Order.Descending)).Select(id => (string)id!)];
}
