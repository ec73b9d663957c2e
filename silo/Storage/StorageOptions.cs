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
    /// Bytes of memory for the embedded store's log. Without its storage tier the store holds only what fits: beyond it,
    /// the oldest records are lost (docs/deploy.md says how much that is, and when to move to Redis).
    /// </summary>
    public long EmbeddedMemoryBytes { get; set; } = DefaultEmbeddedMemoryBytes;

    public const long DefaultEmbeddedMemoryBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Whether the embedded store keeps records that outgrow its memory in its log files (Garnet's storage tier) instead of
    /// dropping them. Off by default: Garnet 2.2.8 can end the process while it writes a changing object to disk.
    /// </summary>
    public bool EmbeddedStorageTier { get; set; }

    /// <summary>Connections that vote shards spread their durable writes over.</summary>
    public int WriteConnections { get; set; } = Redis.Connection.RedisSetup.DefaultWriteConnections;
}
