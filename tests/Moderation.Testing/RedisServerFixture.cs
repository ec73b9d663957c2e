using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Silo.Storage;
using StackExchange.Redis;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Moderation.Testing;

/// <summary>
/// A Redis for one test collection, of the kind asked for (<see cref="StoreKind"/>): by default redis-server from PATH
/// on a free loopback port when there is one (CI installs it), else the embedded Garnet server the silo itself would run.
/// </summary>
public class RedisServerFixture : IDisposable
{
    private readonly Process? _redisServer;
    private readonly EmbeddedRedisServer? _embedded;
    private readonly RedisClusterServer? _cluster;
    private readonly string _directory = TestDirectories.Create("redis");

    public RedisServerFixture(IMessageSink diagnostics)
        : this(diagnostics, StoreKind.Default)
    {
    }

    internal RedisServerFixture(IMessageSink diagnostics, StoreKind kind)
    {
        var port = TestPorts.Free();
        var executable = kind == StoreKind.Default ? Executables.Find("redis-server") : null;
        if (kind == StoreKind.RedisCluster)
        {
            _cluster = new RedisClusterServer();
            Kind = "Redis Cluster of three masters (redis-server --cluster-enabled yes)";
            ConnectionString = _cluster.ConnectionString;
        }
        else if (executable is not null)
        {
            _redisServer = Process.Start(new ProcessStartInfo(executable)
            {
                ArgumentList = { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--dir", _directory },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("redis-server did not start.");
            Kind = $"redis-server ({executable})";
            ConnectionString = $"127.0.0.1:{port}";
        }
        else
        {
            _embedded = EmbeddedRedisServer.Start(_directory, port, new StorageOptions { CheckpointIntervalSeconds = 0 }, NullLoggerFactory.Instance);
            Kind = kind == StoreKind.Embedded ? "embedded Garnet" : "embedded Garnet (no redis-server on PATH)";
            ConnectionString = $"127.0.0.1:{port}";
        }

        WaitUntilAnswering();
        diagnostics.OnMessage(new DiagnosticMessage($"Redis fixture: {Kind} on {ConnectionString}"));
    }

    public string Kind { get; }

    public string ConnectionString { get; }

    public bool IsRealRedis => _redisServer is not null || _cluster is not null;

    /// <summary>A key prefix no other test uses, so tests sharing the server stay apart.</summary>
    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..12];

    public void Dispose()
    {
        if (_redisServer is { HasExited: false })
        {
            _redisServer.Kill(entireProcessTree: true);
            _redisServer.WaitForExit(5000);
        }

        _redisServer?.Dispose();
        _embedded?.Dispose();
        _cluster?.Dispose();
        TestDirectories.TryDelete(_directory);
        GC.SuppressFinalize(this);
    }

    private void WaitUntilAnswering()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            try
            {
                using var connection = ConnectionMultiplexer.Connect(ConnectionString + ",connectTimeout=1000");
                connection.GetDatabase().Ping();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }
}

/// <summary>The embedded Garnet store, whatever is on PATH.</summary>
public sealed class EmbeddedStoreFixture(IMessageSink diagnostics) : RedisServerFixture(diagnostics, StoreKind.Embedded);

/// <summary>A three-master Redis Cluster from redis-server and redis-cli on PATH.</summary>
public sealed class RedisClusterFixture(IMessageSink diagnostics) : RedisServerFixture(diagnostics, StoreKind.RedisCluster);
