using Microsoft.Extensions.Configuration;
using Moderation.Grains;
using Orleans.TestingHost;
using Xunit;
using Xunit.Abstractions;

namespace Moderation.Testing;

/// <summary>A two-silo Orleans test cluster whose grains persist in the Redis fixture's server.</summary>
public class ClusterFixture : IAsyncLifetime
{
    private const string RedisKey = "TestRedis";
    private readonly RedisServerFixture _redis;

    public ClusterFixture(IMessageSink diagnostics)
        : this(diagnostics, StoreKind.Default)
    {
    }

    internal ClusterFixture(IMessageSink diagnostics, StoreKind store)
    {
        _redis = new RedisServerFixture(diagnostics, store);
        var builder = new TestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureHostConfiguration(configuration =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { [RedisKey] = _redis.ConnectionString }));
        builder.AddSiloBuilderConfigurator<StorageConfigurator>();
        Cluster = builder.Build();
    }

    public TestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    public RedisServerFixture Redis => _redis;

    public Task InitializeAsync() => Cluster.DeployAsync();

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        _redis.Dispose();
    }

    private sealed class StorageConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddModerationGrains(siloBuilder.Configuration[RedisKey]!);
    }
}

/// <summary>The two silos on the embedded Garnet store.</summary>
public sealed class ClusterOnEmbeddedStore(IMessageSink diagnostics) : ClusterFixture(diagnostics, StoreKind.Embedded);

/// <summary>The two silos on a three-master Redis Cluster.</summary>
public sealed class ClusterOnRedisCluster(IMessageSink diagnostics) : ClusterFixture(diagnostics, StoreKind.RedisCluster);
