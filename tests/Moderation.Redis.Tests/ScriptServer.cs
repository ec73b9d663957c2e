using Moderation.Redis.Comments;
using Moderation.Redis.Connection;
using Moderation.Redis.Webhooks;
using Moderation.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Moderation.Redis.Tests;

/// <summary>A Redis (redis-server from PATH, else the embedded store, unless a subclass picks one) and the connections the stores write through.</summary>
public class ScriptServer : IAsyncLifetime
{
    private readonly RedisServerFixture _server;

    public ScriptServer(IMessageSink diagnostics)
        : this(new RedisServerFixture(diagnostics))
    {
    }

    protected ScriptServer(RedisServerFixture server)
    {
        _server = server;
        Writes = new RedisWriteConnections(_server.ConnectionString, 2);
    }

    public ConnectionMultiplexer Connection { get; private set; } = null!;

    public RedisWriteConnections Writes { get; }

    public IDatabase Database => Connection.GetDatabase();

    public string Kind => _server.Kind;

    /// <summary>The parts, read from the server as a silo reads them at start.</summary>
    public CommentParts Parts { get; private set; } = null!;

    /// <summary>The registered webhooks as the stores see them: none unless a test registers one.</summary>
    public WebhookSubscriptions Webhooks { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connection = await ConnectionMultiplexer.ConnectAsync(_server.ConnectionString);
        await Writes.ConnectAsync();
        Parts = new CommentParts(Connection);
        await Parts.LoadAsync();
        Webhooks = new WebhookSubscriptions(new WebhookRecords(Connection));
    }

    public async Task DisposeAsync()
    {
        Writes.Dispose();
        await Connection.DisposeAsync();
        _server.Dispose();
    }
}

public sealed class ScriptServerOnEmbeddedStore(IMessageSink diagnostics) : ScriptServer(new EmbeddedStoreFixture(diagnostics));

public sealed class ScriptServerOnRedisCluster(IMessageSink diagnostics) : ScriptServer(new RedisClusterFixture(diagnostics));
