using StackExchange.Redis;

namespace Moderation.Redis.Connection;

/// <summary>
/// The Redis connection that rate limits and the comment post gate write through. Their counters are writes, and a
/// store that answers writes only once they are committed holds back every later reply on the same connection:
/// so they have a connection of their own instead of delaying the reads and pub/sub on the shared one.
/// </summary>
public sealed class GateConnection(string connectionString) : IDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection =
        new(() => ConnectionMultiplexer.ConnectAsync(RedisConfiguration.Options(connectionString, "moderation-gates")));

    public async Task<IDatabase> DatabaseAsync() => (await _connection.Value).GetDatabase();

    public void Dispose()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            _connection.Value.Result.Dispose();
        }
    }
}
