using System.Diagnostics;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Security.Tests.Faults;

/// <summary>
/// A redis-server of the test's own that can be stopped and started again on the same port and data, to cut the
/// service off from its store and give it back. Every write is fsynced before the reply, so a stop loses nothing.
/// </summary>
internal sealed class RedisServerProcess : IDisposable
{
    private readonly string _directory = TestDirectories.Create("redis-outage");
    private Process? _process;

    public RedisServerProcess() => Port = TestPorts.Free();

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static bool IsInstalled => Executable is not null;

    private static string? Executable { get; } = (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(directory => Path.Combine(directory, "redis-server"))
        .FirstOrDefault(File.Exists);

    public void Start()
    {
        _process = Process.Start(new ProcessStartInfo(Executable ?? throw new InvalidOperationException("redis-server is not on PATH."))
        {
            ArgumentList =
            {
                "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--appendfsync", "always",
                "--dir", _directory,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            try
            {
                using var connection = ConnectionMultiplexer.Connect(ConnectionString + ",connectTimeout=500");
                connection.GetDatabase().Ping();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>SIGTERM: the server stops taking connections and exits; clients see it gone.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
        {
            terminate.WaitForExit();
        }

        if (!_process.WaitForExit(10_000))
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5_000);
        }

        _process?.Dispose();
        TestDirectories.TryDelete(_directory);
    }
}
