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

    public async Task<string[]> PendingCommentsAsync(string readerId) =>
        [.. (await redis.GetDatabase().SetMembersAsync(ReaderRedisKeys.Pending(readerId))).Select(id => (string)id!)];
}
