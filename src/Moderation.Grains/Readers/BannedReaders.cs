using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using StackExchange.Redis;

namespace Moderation.Grains.Readers;

/// <summary>The set of banned reader ids that hot paths check, and a reader's held comments.</summary>
public sealed class BannedReaders(IConnectionMultiplexer redis)
{
    public Task MarkAsync(string readerId, bool banned) => banned
        ? redis.GetDatabase().SetAddAsync(ModerationRedisKeys.BannedReaders, readerId)
        : redis.GetDatabase().SetRemoveAsync(ModerationRedisKeys.BannedReaders, readerId);

    public async Task<string[]> PendingCommentsAsync(string readerId) =>
        [.. (await redis.GetDatabase().SetMembersAsync(CommentRedisKeys.ReaderPending(readerId))).Select(id => (string)id!)];
}
