using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Moderation.Silo.Storage;
using StackExchange.Redis;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Moderation.Testing;

/// <summary>
/// A Redis server for one test collection: redis-server from PATH on a free loopback port when there is one
/// (CI installs it), else the embedded Garnet server the silo itself would run.
/// </summary>
public sealed class RedisServerFixture : IDisposable
{
    private readonly Process? _redisServer;
    private readonly EmbeddedRedisServer? _embedded;
    private readonly string _directory = TestDirectories.Create("redis");

    public RedisServerFixture(IMessageSink diagnostics)
    {
        var port = EmbeddedRedisServer.FreeLoopbackPort();
        var executable = FindOnPath("redis-server");
        if (executable is not null)
        {
            _redisServer = Process.Start(new ProcessStartInfo(executable)
            {
                ArgumentList = { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--dir", _directory },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            }) ?? throw new InvalidOperationException("redis-server did not start.");
            Kind = $"redis-server ({executable})";
        }
        else
        {
            _embedded = EmbeddedRedisServer.Start(_directory, port, checkpointIntervalSeconds: 0, NullLoggerFactory.Instance);
            Kind = "embedded Garnet (no redis-server on PATH)";
        }

        ConnectionString = $"127.0.0.1:{port}";
        WaitUntilAnswering();
        diagnostics.OnMessage(new DiagnosticMessage($"Redis fixture: {Kind} on {ConnectionString}"));
    }

    public string Kind { get; }

    public string ConnectionString { get; }

    public bool IsRealRedis => _redisServer is not null;

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
        TestDirectories.TryDelete(_directory);
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

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
