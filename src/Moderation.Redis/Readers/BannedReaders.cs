using Moderation.Redis.Comments;
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

    /// <summary>The reader's held comments, from the held set of every part.</summary>
    public async Task<string[]> PendingCommentsAsync(string readerId)
    {
        var database = redis.GetDatabase();
        var sets = await Task.WhenAll(CommentParts.All.Select(part => database.SetMembersAsync(ReaderRedisKeys.Pending(part, readerId))));
        return [.. sets.SelectMany(ids => ids).Select(id => (string)id!)];
    }
}
