namespace Moderation.Silo.Storage;

/// <summary>Which Redis the silo stands on: its own embedded one, or one from ConnectionStrings:Redis.</summary>
public sealed class StoreMode
{
    private EmbeddedRedisServer? _embedded;

    private StoreMode(string connectionString, string dataDirectory, int embeddedPort)
    {
        ConnectionString = connectionString;
        DataDirectory = dataDirectory;
        EmbeddedPort = embeddedPort;
    }

    public bool IsEmbedded => EmbeddedPort != 0;

    public string ConnectionString { get; }

    public string DataDirectory { get; }

    private int EmbeddedPort { get; }

    public static StoreMode From(string? redisConnectionString, StorageOptions options)
    {
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        if (!string.IsNullOrWhiteSpace(redisConnectionString))
        {
            return new StoreMode(redisConnectionString, dataDirectory, embeddedPort: 0);
        }

        // The port is fixed now so that Orleans and the cache can be configured before the server starts.
        var port = options.EmbeddedPort != 0 ? options.EmbeddedPort : EmbeddedRedisServer.FreeLoopbackPort();
        return new StoreMode($"127.0.0.1:{port}", dataDirectory, port);
    }

    public void StartEmbedded(StorageOptions options, Microsoft.Extensions.Logging.ILoggerFactory loggerFactory)
    {
        if (IsEmbedded && _embedded is null)
        {
            _embedded = EmbeddedRedisServer.Start(Path.Combine(DataDirectory, "store"), EmbeddedPort, options, loggerFactory);
        }
    }

    /// <summary>The embedded store's memory now, or null when it is not running here.</summary>
    public StoreMemory? ReadEmbeddedMemory() => _embedded?.ReadMemory();

    public void StopEmbedded()
    {
        _embedded?.Dispose();
        _embedded = null;
    }

    public string Describe() => IsEmbedded
        ? $"embedded store (Garnet) on {ConnectionString}, data in {Path.Combine(DataDirectory, "store")}"
        : "Redis from ConnectionStrings:Redis";
}
