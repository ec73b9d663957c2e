using Microsoft.Extensions.Options;
using Moderation.Api.RateLimits;
using Moderation.Contracts.Comments;
using StackExchange.Redis;

namespace Moderation.Api.Comments;

/// <summary>
/// One post per reader per interval, across every silo: a key set with NX and a PX expiry. The reader who finds
/// the key waits for what is left of it. The key is a write, so it goes through the gate connection.
/// </summary>
public sealed class PostRateLimiter(GateConnection gates, IOptions<CommentsOptions> options)
{
    /// <returns>Null when the reader may post now (the interval starts), else how long to wait.</returns>
    public async Task<TimeSpan?> TryEnterAsync(string readerId)
    {
        var interval = options.Value.PostInterval;
        if (interval <= TimeSpan.Zero)
        {
            return null;
        }

        var database = await gates.DatabaseAsync();
        var key = CommentRedisKeys.PostGate(readerId);
        if (await database.StringSetAsync(key, "1", interval, When.NotExists))
        {
            return null;
        }

        var left = await database.KeyTimeToLiveAsync(key);
        return left is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1);
    }

    /// <summary>Gives the interval back when the post it was taken for was not stored.</summary>
    public async Task ReleaseAsync(string readerId)
    {
        if (options.Value.PostInterval > TimeSpan.Zero)
        {
            await (await gates.DatabaseAsync()).KeyDeleteAsync(CommentRedisKeys.PostGate(readerId));
        }
    }
}
