using StackExchange.Redis;

namespace Moderation.Redis.Readers;

/// <summary>
/// The set of banned reader ids: the reader grain marks a ban here, and the hot paths (posting, voting) check it with
/// one SISMEMBER. Also a reader's held comments, which a ban with rejectPending rejects.
/// </summary>
public sealed class BannedReaders(IConnectionMultiplexer redis)
{
    public Task MarkAsync(string readerId, bool banned) => banned
        ? redis.GetDatabase().SetAddAsync(ReaderRedisKeys.Banned, readerId)
        : redis.GetDatabase().SetRemoveAsync(ReaderRedisKeys.Banned, readerId);

    public Task<bool> IsBannedAsync(string readerId) => redis.GetDatabase().SetContainsAsync(ReaderRedisKeys.Banned, readerId);

    /// <summary>Whether each of the readers is banned, in their order: one SMISMEMBER for a whole batch of writes.</summary>
    public Task<bool[]> AreBannedAsync(IReadOnlyList<string> readerIds)
    {
        var members = new RedisValue[readerIds.Count];
        for (var i = 0; i < members.Length; i++)
        {
            members[i] = readerIds[i];
        }

        return redis.GetDatabase().SetContainsAsync(ReaderRedisKeys.Banned, members);
    }

    public async Task<string[]> PendingCommentsAsync(string readerId) =>
        [.. (await redis.GetDatabase().SetMembersAsync(ReaderRedisKeys.Pending(readerId))).Select(id => (string)id!)];
}
