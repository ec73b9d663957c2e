using StackExchange.Redis;

namespace Moderation.Redis.Connection;

/// <summary>
/// The one place that turns <c>ConnectionStrings:Redis</c> into connection options. Every connection (the shared one,
/// the write and gate connections, Orleans' clustering and grain storage) starts from here, so they all see the same
/// servers and none gives up when Redis is down at start: readiness reports the outage and the connection recovers.
/// A connection string naming one node of a Redis Cluster finds the others by itself.
/// </summary>
public static class RedisConfiguration
{
    /// <summary>Options for one connection; <paramref name="clientName"/> shows in CLIENT LIST, so an operator sees which connection is which.</summary>
    public static ConfigurationOptions Options(string connectionString, string clientName)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ClientName ??= clientName;
        return options;
    }
}
