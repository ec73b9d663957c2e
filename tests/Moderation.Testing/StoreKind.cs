namespace Moderation.Testing;

/// <summary>Which Redis a suite runs on: the same tests run on each.</summary>
public enum StoreKind
{
    /// <summary>redis-server from PATH when there is one, else the embedded store.</summary>
    Default,

    /// <summary>The embedded Garnet store the silo itself runs without ConnectionStrings:Redis.</summary>
    Embedded,

    /// <summary>A Redis Cluster of three masters (<see cref="RedisClusterServer"/>).</summary>
    RedisCluster,
}
