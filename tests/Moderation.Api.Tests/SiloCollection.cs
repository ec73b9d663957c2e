using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Api.Tests;

/// <summary>Tests that share one in-process service on the embedded store.</summary>
[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SharedSilo>
{
    public const string Name = "silo";
}

/// <summary>Tests that share one in-process service on redis-server from PATH (else the embedded store).</summary>
[CollectionDefinition(Name)]
public sealed class RedisServerSiloCollection : ICollectionFixture<SharedSiloOnRedisServer>
{
    public const string Name = "silo on redis-server";
}

/// <summary>Tests that share one in-process service on a three-master Redis Cluster.</summary>
[CollectionDefinition(Name)]
public sealed class RedisClusterSiloCollection : ICollectionFixture<SharedSiloOnRedisCluster>
{
    public const string Name = "silo on a redis cluster";
}

public class SharedSilo : IAsyncLifetime
{
    private readonly RedisServerFixture? _store;

    public SharedSilo()
        : this(null)
    {
    }

    protected SharedSilo(RedisServerFixture? store)
    {
        _store = store;
        Factory = new SiloFactory(redisConnectionString: store?.ConnectionString);
    }

    public SiloFactory Factory { get; }

    public HttpClient CreateClient() => Factory.CreateClient();

    public async Task InitializeAsync()
    {
        using var client = Factory.CreateClient();
        using var ready = await client.WaitUntilReadyAsync();
        ready.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        _store?.Dispose();
    }
}

public sealed class SharedSiloOnRedisServer(IMessageSink diagnostics) : SharedSilo(new RedisServerFixture(diagnostics));

public sealed class SharedSiloOnRedisCluster(IMessageSink diagnostics) : SharedSilo(new RedisClusterFixture(diagnostics));
