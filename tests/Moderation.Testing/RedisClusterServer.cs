using System.Diagnostics;
using StackExchange.Redis;

namespace Moderation.Testing;

/// <summary>
/// A Redis Cluster of three masters and no replicas from redis-server and redis-cli on PATH, on free loopback ports
/// (each with its cluster bus port, +10000, free too), in a folder of its own; stopped and deleted on dispose.
/// </summary>
public sealed class RedisClusterServer : IDisposable
{
    private const int Masters = 3;
    private readonly List<Process> _nodes = [];
    private readonly string _directory = TestDirectories.Create("redis-cluster");

    public RedisClusterServer()
    {
        var server = Executables.Find("redis-server") ?? throw new InvalidOperationException("A Redis Cluster needs redis-server on PATH.");
        var cli = Executables.Find("redis-cli") ?? throw new InvalidOperationException("A Redis Cluster needs redis-cli on PATH.");
        try
        {
            Ports = [.. Enumerable.Range(0, Masters).Select(_ => TestPorts.FreeWithNeighbour(10_000))];
            foreach (var port in Ports)
            {
                _nodes.Add(StartNode(server, port));
            }

            foreach (var port in Ports)
            {
                WaitUntilAnswering(port);
            }

            Create(cli);
            WaitUntilServing();
        }
        catch
        {
            Dispose();
            throw;
        }

        ConnectionString = string.Join(',', Ports.Select(port => $"127.0.0.1:{port}"));
    }

    public IReadOnlyList<int> Ports { get; } = [];

    /// <summary>Every master, so that a client finds the cluster through any of them.</summary>
    public string ConnectionString { get; }

    public void Dispose()
    {
        foreach (var node in _nodes)
        {
            if (!node.HasExited)
            {
                node.Kill(entireProcessTree: true);
                node.WaitForExit(5000);
            }

            node.Dispose();
        }

        _nodes.Clear();
        TestDirectories.TryDelete(_directory);
    }

    private Process StartNode(string server, int port)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_directory, port.ToString())).FullName;
        var node = Process.Start(new ProcessStartInfo(server)
        {
            ArgumentList =
            {
                "--port", port.ToString(), "--bind", "127.0.0.1", "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                "--cluster-node-timeout", "5000", "--save", "", "--appendonly", "yes", "--dir", directory,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start.");
        node.OutputDataReceived += (_, _) => { };
        node.ErrorDataReceived += (_, _) => { };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        return node;
    }

    private void Create(string cli)
    {
        var create = new ProcessStartInfo(cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        create.ArgumentList.Add("--cluster");
        create.ArgumentList.Add("create");
        foreach (var port in Ports)
        {
            create.ArgumentList.Add($"127.0.0.1:{port}");
        }

        create.ArgumentList.Add("--cluster-replicas");
        create.ArgumentList.Add("0");
        create.ArgumentList.Add("--cluster-yes");
        using var process = Process.Start(create) ?? throw new InvalidOperationException("redis-cli did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-cli --cluster create failed: {output.Result}{errors.Result}");
        }
    }

    private void WaitUntilServing()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        foreach (var port in Ports)
        {
            using var connection = ConnectionMultiplexer.Connect($"127.0.0.1:{port},connectTimeout=1000,allowAdmin=true");
            while (!((string)connection.GetServers()[0].Execute("CLUSTER", "INFO")!).Contains("cluster_state:ok", StringComparison.Ordinal))
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"The Redis Cluster node on {port} did not reach cluster_state:ok.");
                }

                Thread.Sleep(100);
            }
        }
    }

    private static void WaitUntilAnswering(int port)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            try
            {
                using var connection = ConnectionMultiplexer.Connect($"127.0.0.1:{port},connectTimeout=1000");
                connection.GetServers()[0].Ping();
                return;
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
        }
    }
}
