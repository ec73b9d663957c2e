namespace Moderation.Silo.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Where the embedded store keeps its append-only file and checkpoints, and Development keeps its signing key.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Loopback port of the embedded store; 0 picks a free one at start.</summary>
    public int EmbeddedPort { get; set; }

    /// <summary>Seconds between checkpoints of the embedded store, which bound how much append-only file a restart replays.</summary>
    public int CheckpointIntervalSeconds { get; set; } = 300;

    /// <summary>
    /// Bytes of memory for the embedded store's log, its most recently written records; older records are read from its
    /// files in the data directory (docs/deploy.md).
    /// </summary>
    public long EmbeddedMemoryBytes { get; set; } = DefaultEmbeddedMemoryBytes;

    public const long DefaultEmbeddedMemoryBytes = 256L * 1024 * 1024;

    /// <summary>Connections that vote shards spread their durable writes over.</summary>
    public int WriteConnections { get; set; } = Redis.Connection.RedisSetup.DefaultWriteConnections;
}
