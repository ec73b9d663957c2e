using StackExchange.Redis;

namespace Moderation.Redis.Connection;

/// <summary>
/// Several connections for durable writes. A Redis-compatible server that answers a write only once it is in its
/// append-only file holds back every later reply on the same connection until that commit; one multiplexed
/// connection would make all shards' writes take turns. Spreading partitions over a few connections lets their
/// commits overlap, while each connection still groups what arrives together.
/// </summary>
public sealed class RedisWriteConnections(string connectionString, int count) : IDisposable
{
    private readonly ConnectionMultiplexer?[] _connections = new ConnectionMultiplexer?[count];

    /// <summary>Opens the connections; called once when the silo starts, before any grain writes.</summary>
    public async Task ConnectAsync()
    {
        for (var index = 0; index < _connections.Length; index++)
        {
            _connections[index] ??= await ConnectionMultiplexer.ConnectAsync(RedisConfiguration.Options(connectionString, $"moderation-writes-{index}"));
        }
    }

    /// <summary>The database a partition writes through; the same partition always gets the same connection.</summary>
    public IDatabase For(int partition) =>
        (_connections[(int)((uint)partition % (uint)_connections.Length)]
            ?? throw new InvalidOperationException("The write connections are opened when the silo starts; it has not started.")).GetDatabase();

    public void Dispose()
    {
        foreach (var connection in _connections)
        {
            connection?.Dispose();
        }
    }
}
