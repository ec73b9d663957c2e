using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Garnet;
using Garnet.common;
using Garnet.server;
using Microsoft.Extensions.Logging;

namespace Moderation.Silo.Storage;

/// <summary>
/// A Redis-compatible server (Garnet) inside this process, durable on local disk: every write is in the
/// append-only file before the reply, and checkpoints bound the replay at start. Records beyond its memory live in its
/// log files with the storage tier; without it Garnet drops them, so <see cref="EmbeddedStoreCapacityGuard"/> refuses
/// writes before that.
/// </summary>
public sealed class EmbeddedRedisServer : IDisposable
{
    private readonly GarnetServer _server;

    /// <summary>A sample taken while Garnet disposes its epochs makes its dispose throw: the two take turns.</summary>
    private readonly Lock _lifetime = new();
    private bool _disposed;

    private EmbeddedRedisServer(GarnetServer server, int port, string directory)
    {
        _server = server;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>
    /// Garnet serves each connection on a thread-pool thread that blocks twice per script: spinning for the
    /// script's key locks while another connection holds them, and waiting for the append-only file's commit before
    /// it replies. With scripts over shared keys on several connections, every pool thread of a 2-core machine ends
    /// up blocked and the pool adds threads only slowly: measured here, no command completed for 2 to 3 s at a time
    /// (p99 3.6 s) with the default pool, against no stall (max 0.9 s on a loaded machine) and three times the
    /// throughput with 64 threads ready.
    /// </summary>
    private const int MinimumPoolThreads = 64;

    public static EmbeddedRedisServer Start(string directory, int port, StorageOptions storage, ILoggerFactory loggerFactory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var layout = StoreLayout.ForDirectory(directory, storage.EmbeddedMemoryBytes);
        ReservePoolThreads();
        if (port == 0)
        {
            port = FreeLoopbackPort();
        }

        loggerFactory = new WarningsOnlyLoggerFactory(loggerFactory);
        var logger = loggerFactory.CreateLogger("Garnet");
        var options = new GarnetServerOptions(logger)
        {
            EndPoints = [new IPEndPoint(IPAddress.Loopback, port)],
            EnableAOF = true,
            // The reply waits until the write is in the append-only file: a 2xx built on it survives a crash.
            WaitForCommit = true,
            CommitFrequencyMs = 0,
            CheckpointDir = directory,
            CheckpointFrequencySecs = storage.CheckpointIntervalSeconds,
            Recover = true,
            // With the storage tier, records that age out of memory go to the log's files here and are read back from
            // them; without it Garnet drops them, as a cache does. It is opt-in: in 2.2.8 it can end the process
            // (docs/deploy.md, "The embedded store holds what fits in its memory").
            EnableStorageTier = storage.EmbeddedStorageTier,
            LogDir = storage.EmbeddedStorageTier ? directory : null,
            LogMemorySize = Bytes(storage.EmbeddedMemoryBytes),
            PageSize = Bytes(layout.PageBytes),
            // No log compaction: in Garnet 2.2.8 both kinds that keep live records (Lookup, Scan) broke the store under
            // overwrites (flush read-back errors, a NullReferenceException in the compaction task, then no replies).
            CompactionType = LogCompactionType.None,
            // Scripts must run as transactions, or Orleans' Redis providers lose concurrent writes.
            EnableLua = true,
            LuaTransactionMode = true,
            LuaOptions = new LuaOptions(logger),
            // The native device needs a newer glibc than Debian 12 has and aborts the process.
            DeviceType = Tsavorite.core.DeviceType.RandomAccess,
            IndexMemorySize = "16m",
            QuietMode = true,
        };

        var server = new GarnetServer(options, loggerFactory);
        try
        {
            server.Start();
        }
        catch
        {
            server.Dispose(deleteDir: false);
            throw;
        }

        return new EmbeddedRedisServer(server, port, directory);
    }

    /// <summary>
    /// Bytes the store's log holds in memory and the limit past which Garnet evicts its oldest records. Garnet 2.2.8 (one log
    /// for strings and objects) evicts when its allocated pages plus the heap of its objects (hashes, sorted sets, sets)
    /// outgrow <c>LogMemorySize</c>, and without the storage tier an evicted record is gone: its BeginAddress moves up with
    /// the HeadAddress. Measured with 2 MB: 1 KB strings were first dropped when the pages filled the 2 MB; with hashes
    /// beside them, whole hashes went once pages plus heap passed it. INFO STORE reports both parts, so this is cheap.
    /// Null once the server is disposed.
    /// </summary>
    public StoreMemory? ReadMemory()
    {
        lock (_lifetime)
        {
            if (_disposed)
            {
                return null;
            }

            var items = _server.Metrics.GetInfoMetrics(InfoMetricsType.STORE);
            long Value(string name) => long.Parse(items.First(item => item.Name == name).Value, CultureInfo.InvariantCulture);
            return new StoreMemory(
                Value("Log.CurrentMemorySizeBytes") + Value("Log.CurrentHeapSizeBytes"), Value("Log.MaxMemorySizeBytes"), Value("Log.BeginAddress"));
        }
    }

    private static string Bytes(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void ReservePoolThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, MinimumPoolThreads), Math.Max(completionPorts, MinimumPoolThreads));
    }

    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // GarnetServer.Dispose() without an argument deletes the data directory: keep it.
    public void Dispose()
    {
        lock (_lifetime)
        {
            if (!_disposed)
            {
                _disposed = true;
                _server.Dispose(deleteDir: false);
            }
        }
    }
}

/// <summary>Bytes in use of the embedded store's memory, the limit, and where its log begins (it moves up only when records are dropped).</summary>
public readonly record struct StoreMemory(long UsedBytes, long LimitBytes, long BeginAddress);
