using Moderation.Testing;

namespace Moderation.Grains.Tests;

/// <summary>Two silos on redis-server from PATH (else the embedded store).</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

/// <summary>Two silos on the embedded Garnet store.</summary>
[CollectionDefinition(Name)]
public sealed class EmbeddedStoreCollection : ICollectionFixture<ClusterOnEmbeddedStore>
{
    public const string Name = "embedded store";
}

/// <summary>Two silos on a three-master Redis Cluster.</summary>
[CollectionDefinition(Name)]
public sealed class RedisClusterCollection : ICollectionFixture<ClusterOnRedisCluster>
{
    public const string Name = "redis cluster";
}
