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

    /// <summary>Seconds between checks whether the embedded store's log on disk needs compacting; 0: never compact.</summary>
    public int CompactionIntervalSeconds { get; set; } = 300;

    /// <summary>
    /// Log segments on disk (each 16 pages, 256 MB at the default memory) beyond which the embedded store compacts the
    /// oldest: it copies their live records to the tail, and the next checkpoint deletes them with what they held of
    /// overwritten and deleted records.
    /// </summary>
    public int CompactionSegments { get; set; } = 8;

    /// <summary>Connections that vote shards spread their durable writes over.</summary>
    public int WriteConnections { get; set; } = Redis.Connection.RedisSetup.DefaultWriteConnections;
}
