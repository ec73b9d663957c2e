using Moderation.Grains;
using Moderation.Redis.Connection;
using Moderation.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Moderation.Redis.Tests;

/// <summary>A Redis server (redis-server from PATH, else the embedded store) and the connections the stores write through.</summary>
public sealed class ScriptServer : IAsyncLifetime
{
    private readonly RedisServerFixture _server;

    public ScriptServer(IMessageSink diagnostics)
    {
        _server = new RedisServerFixture(diagnostics);
        Writes = new RedisWriteConnections(_server.ConnectionString, 2);
    }

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public RedisWriteConnections Writes { get; }

    public IDatabase Database => Connection.GetDatabase();

    public async Task InitializeAsync()
    {
        Connection = await ConnectionMultiplexer.ConnectAsync(_server.ConnectionString);
        await Writes.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        Writes.Dispose();
        await Connection.DisposeAsync();
        _server.Dispose();
    }
}
