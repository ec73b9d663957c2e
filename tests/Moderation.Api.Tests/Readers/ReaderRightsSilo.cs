using Moderation.Testing;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Moderation.Api.Tests.Readers;

[CollectionDefinition(Name)]
public sealed class ReaderRightsCollection : ICollectionFixture<ReaderRightsOnRedisServer>
{
    public const string Name = "reader rights on redis-server";
}

[CollectionDefinition(Name)]
public sealed class ReaderRightsOnEmbeddedStoreCollection : ICollectionFixture<ReaderRightsOnEmbeddedStore>
{
    public const string Name = "reader rights on the embedded store";
}

[CollectionDefinition(Name)]
public sealed class ReaderRightsOnRedisClusterCollection : ICollectionFixture<ReaderRightsOnRedisCluster>
{
    public const string Name = "reader rights on a redis cluster";
}

public sealed class ReaderRightsOnRedisServer(IMessageSink diagnostics) : ReaderRightsSilo(new RedisServerFixture(diagnostics));

public sealed class ReaderRightsOnEmbeddedStore(IMessageSink diagnostics) : ReaderRightsSilo(new EmbeddedStoreFixture(diagnostics));

public sealed class ReaderRightsOnRedisCluster(IMessageSink diagnostics) : ReaderRightsSilo(new RedisClusterFixture(diagnostics));

/// <summary>
/// One in-process service on a store of its own (redis-server, the embedded store or a Redis Cluster) with no wait between posts, a report that
/// queues at once, and rejected texts kept for two seconds, swept every 200 ms; and a connection of the test's own to
/// read the store key by key.
/// </summary>
public abstract class ReaderRightsSilo(RedisServerFixture store) : IAsyncLifetime
{
    public static readonly TimeSpan RejectedTextRetention = TimeSpan.FromSeconds(2);

    private readonly RedisServerFixture _store = store;
    private ConnectionMultiplexer? _redis;
    private SiloFactory? _factory;

    public SiloFactory Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public IConnectionMultiplexer Redis => _redis ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        _factory = new SiloFactory(redisConnectionString: _store.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Comments:PostInterval"] = "00:00:00",
            ["Comments:ReportThreshold"] = "1",
            ["Comments:RejectedTextRetention"] = RejectedTextRetention.ToString(),
            ["Comments:RejectedTextSweepInterval"] = "00:00:00.200",
        });
        using var client = _factory.CreateClient();
        using var ready = await client.WaitUntilReadyAsync();
        ready.EnsureSuccessStatusCode();
        _redis = await ConnectionMultiplexer.ConnectAsync(_store.ConnectionString + ",allowAdmin=true");
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _store.Dispose();
    }
}
