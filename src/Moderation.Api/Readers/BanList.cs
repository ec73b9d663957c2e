using Moderation.Contracts.Moderators;
using StackExchange.Redis;

namespace Moderation.Api.Readers;

/// <summary>The cheap check that hot paths (posting, voting) make: one SISMEMBER on the banned-readers set.</summary>
public sealed class BanList(IConnectionMultiplexer redis)
{
    public async Task<bool> IsBannedAsync(string readerId) =>
        await redis.GetDatabase().SetContainsAsync(ModerationRedisKeys.BannedReaders, readerId);
}
