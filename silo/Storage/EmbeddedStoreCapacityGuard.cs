using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Redis.Capacity;

namespace Moderation.Silo.Storage;

/// <summary>
/// Samples the embedded store's memory and records it in <see cref="StoreCapacity"/>, which the API reads before every
/// write: every <see cref="Interval"/>, and every <see cref="IntervalNearFull"/> from the warning mark on, since what is
/// written between two samples must fit in the margin above the refusing mark. Only the embedded store without its
/// storage tier is guarded: that is the one that drops its oldest records when its memory is full, and a 2xx must never
/// be followed by a loss. Should it drop some all the same, its log's BeginAddress moves up, and that is logged as critical.
/// </summary>
public sealed class EmbeddedStoreCapacityGuard(
    StoreMode mode, IOptions<StorageOptions> options, StoreCapacity capacity, ILogger<EmbeddedStoreCapacityGuard> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Measured on a 2 MB store: eight writers of 1 to 2 KB comments filled 30% of it between two samples 250 ms apart
    /// (comments are hashes, whose heap counts), past a 15% margin. One sample reads a few counters (INFO STORE, in process).
    /// </summary>
    public static readonly TimeSpan IntervalNearFull = TimeSpan.FromMilliseconds(10);

    private long? _firstBeginAddress;

    public static bool Applies(StoreMode mode, StorageOptions options) => mode.IsEmbedded && !options.EmbeddedStorageTier;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Applies(mode, options.Value))
        {
            return;
        }

        var marks = new StoreFillMarks(options.Value.EmbeddedWarnAt, options.Value.EmbeddedRefuseWritesAt);
        var level = StoreFillLevel.Normal;
        while (!stoppingToken.IsCancellationRequested)
        {
            level = Sample(marks, level);
            try
            {
                await Task.Delay(level == StoreFillLevel.Normal ? Interval : IntervalNearFull, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private StoreFillLevel Sample(StoreFillMarks marks, StoreFillLevel previous)
    {
        if (mode.ReadEmbeddedMemory() is not { } memory)
        {
            return previous;
        }

        _firstBeginAddress ??= memory.BeginAddress;
        if (memory.BeginAddress > _firstBeginAddress && !capacity.HasDroppedRecords)
        {
            capacity.RecordDroppedRecords();
            logger.LogCritical(
                "The embedded store has dropped records (its log now begins at {BeginAddress}, not {FirstBeginAddress}): acknowledged writes may be lost. Its memory outgrew Storage:EmbeddedMemoryBytes faster than the guard refused writes; lower Storage:EmbeddedRefuseWritesAt, raise the memory, or move to redis-server.",
                memory.BeginAddress, _firstBeginAddress);
        }

        var level = capacity.Record(memory.UsedBytes, memory.LimitBytes, marks);
        if (level != previous)
        {
            LogChange(level, memory, marks);
        }

        return level;
    }

    private void LogChange(StoreFillLevel level, StoreMemory memory, StoreFillMarks marks)
    {
        var used = (double)memory.UsedBytes / memory.LimitBytes;
        switch (level)
        {
            case StoreFillLevel.Full:
                logger.LogError(
                    "The embedded store is {Used:P0} full ({UsedBytes} of {LimitBytes} bytes): writes are refused (503) from {RefuseAt:P0}, before it would drop records. Raise Storage:EmbeddedMemoryBytes and restart, or move to redis-server (docs/deploy.md).",
                    used, memory.UsedBytes, memory.LimitBytes, marks.RefuseAt);
                break;
            case StoreFillLevel.Warning:
                logger.LogWarning(
                    "The embedded store is {Used:P0} full ({UsedBytes} of {LimitBytes} bytes): writes will be refused from {RefuseAt:P0}. Raise Storage:EmbeddedMemoryBytes, or move to redis-server (docs/deploy.md).",
                    used, memory.UsedBytes, memory.LimitBytes, marks.RefuseAt);
                break;
            default:
                logger.LogInformation("The embedded store is {Used:P0} full, below its warning mark of {WarnAt:P0}.", used, marks.WarnAt);
                break;
        }
    }
}
