using Microsoft.Extensions.Options;
using Moderation.Contracts.Comments;
using StackExchange.Redis;

namespace Moderation.Api.Comments;

/// <summary>
/// One post per reader per interval, across every silo: a key set with NX and a PX expiry. The reader who finds
/// the key waits for what is left of it. The key is a write, and a store that answers writes only once they are
/// committed holds back every later reply on the same connection: so these writes have a connection of their own
/// instead of delaying the reads on the shared one.
/// </summary>
public sealed class PostRateLimiter(IConnectionMultiplexer redis, IOptions<CommentsOptions> options) : IDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _gates = new(() =>
    {
        var configuration = ConfigurationOptions.Parse(redis.Configuration);
        configuration.AbortOnConnectFail = false;
        configuration.ClientName = "moderation-post-gates";
        return ConnectionMultiplexer.ConnectAsync(configuration);
    });

    /// <returns>Null when the reader may post now (the interval starts), else how long to wait.</returns>
    public async Task<TimeSpan?> TryEnterAsync(string readerId)
    {
        var interval = options.Value.PostInterval;
        if (interval <= TimeSpan.Zero)
        {
            return null;
        }

        var database = (await _gates.Value).GetDatabase();
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
            await (await _gates.Value).GetDatabase().KeyDeleteAsync(CommentRedisKeys.PostGate(readerId));
        }
    }

    public void Dispose()
    {
        if (_gates.IsValueCreated && _gates.Value.IsCompletedSuccessfully)
        {
            _gates.Value.Result.Dispose();
        }
    }
}
