using Moderation.Redis.Connection;
using StackExchange.Redis;

namespace Moderation.Redis.Readers;

/// <summary>
/// One post per reader per interval, across every silo: a key set with NX and a PX expiry. The reader who finds the
/// key waits for what is left of it. The key is a write, so it goes through the gate connection.
/// </summary>
public sealed class PostGate(GateConnection gates)
{
    /// <returns>Null when the reader may post now (the interval starts), else how long to wait.</returns>
    public async Task<TimeSpan?> TryEnterAsync(string readerId, TimeSpan interval)
    {
        var database = await gates.DatabaseAsync();
        var key = ReaderRedisKeys.PostGate(readerId);
        if (await database.StringSetAsync(key, "1", interval, When.NotExists))
        {
            return null;
        }

        var left = await database.KeyTimeToLiveAsync(key);
        return left is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1);
    }

    /// <summary>Opens the gate again, for a post that was not stored.</summary>
    public async Task ReleaseAsync(string readerId) =>
        await (await gates.DatabaseAsync()).KeyDeleteAsync(ReaderRedisKeys.PostGate(readerId));
}
