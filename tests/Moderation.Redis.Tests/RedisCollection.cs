using Moderation.Testing;

namespace Moderation.Redis.Tests;

/// <summary>redis-server from PATH (else the embedded store).</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<ScriptServer>
{
    public const string Name = "redis";
}

/// <summary>The embedded Garnet store.</summary>
[CollectionDefinition(Name)]
public sealed class EmbeddedStoreCollection : ICollectionFixture<ScriptServerOnEmbeddedStore>
{
    public const string Name = "embedded store";
}

/// <summary>A three-master Redis Cluster.</summary>
[CollectionDefinition(Name)]
public sealed class RedisClusterCollection : ICollectionFixture<ScriptServerOnRedisCluster>
{
    public const string Name = "redis cluster";
}
