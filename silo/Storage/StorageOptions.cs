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
    /// Bytes of memory for the embedded store's log. Without its storage tier the store holds only what fits, so writes are
    /// refused (503) once <see cref="EmbeddedRefuseWritesAt"/> of it is in use (docs/deploy.md says how much that is).
    /// </summary>
    public long EmbeddedMemoryBytes { get; set; } = DefaultEmbeddedMemoryBytes;

    public const long DefaultEmbeddedMemoryBytes = 256L * 1024 * 1024;

    /// <summary>
    /// Whether the embedded store keeps records that outgrow its memory in its log files (Garnet's storage tier) instead of
    /// dropping them. Off by default: Garnet 2.2.8 can end the process while it writes a changing object to disk.
    /// </summary>
    public bool EmbeddedStorageTier { get; set; }

    /// <summary>
    /// Fraction of <see cref="EmbeddedMemoryBytes"/> in use at which the embedded store without its storage tier refuses
    /// writes. The rest is the margin for what is written between two samples of the guard (10 ms apart, and one per write
    /// from the warning mark on), for the store's page granularity (a 256 MB store has sixteen 16 MB pages, so it fills in steps of
    /// 6%), and for objects copied on their first update after a checkpoint (docs/deploy.md).
    /// </summary>
    public double EmbeddedRefuseWritesAt { get; set; } = 0.85;

    /// <summary>Fraction of <see cref="EmbeddedMemoryBytes"/> in use at which the guard logs a warning and readiness says Degraded.</summary>
    public double EmbeddedWarnAt { get; set; } = 0.70;

    /// <summary>Connections that vote shards spread their durable writes over.</summary>
    public int WriteConnections { get; set; } = Redis.Connection.RedisSetup.DefaultWriteConnections;
}
