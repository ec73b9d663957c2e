using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moderation.Redis.Capacity;

namespace Moderation.Silo.Storage;

/// <summary>
/// Samples the embedded store's memory and records it in <see cref="StoreCapacity"/>, which the API reads before every
/// write, every <see cref="Interval"/>, since what is written between two samples must fit in the margin above the
/// refusing mark; from the warning mark on, writers also take a sample each (<see cref="StoreCapacity.IsFullNow"/>). Only the embedded store without its
/// storage tier is guarded: that is the one that drops its oldest records when its memory is full, and a 2xx must never
/// be followed by a loss. Should it drop some all the same, its log's BeginAddress moves up, and that is logged as critical.
/// </summary>
public sealed class EmbeddedStoreCapacityGuard(
    StoreMode mode, IOptions<StorageOptions> options, StoreCapacity capacity, ILogger<EmbeddedStoreCapacityGuard> logger) : BackgroundService
{
    /// <summary>
    /// Measured on a 2 MB store: eight writers of comments in batches filled 30% of it between two samples 250 ms apart,
    /// from below the warning mark to past the whole memory, so the guard never saw the warning. One sample reads a few
    /// counters (INFO STORE, in process): a hundred a second cost next to nothing.
    /// </summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    private readonly Lock _sampling = new();
    private long? _firstBeginAddress;
    private StoreFillLevel _level = StoreFillLevel.Normal;

    public static bool Applies(StoreMode mode, StorageOptions options) => mode.IsEmbedded && !options.EmbeddedStorageTier;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Applies(mode, options.Value))
        {
            return;
        }

        var marks = new StoreFillMarks(options.Value.EmbeddedWarnAt, options.Value.EmbeddedRefuseWritesAt);
        capacity.SampleWith(() => Sample(marks));
        while (!stoppingToken.IsCancellationRequested)
        {
            Sample(marks);
            try
            {
                await Task.Delay(Interval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Takes a sample; the timer and writers near the mark (<see cref="StoreCapacity.IsFullNow"/>) take them one at a time.</summary>
    private StoreFillLevel Sample(StoreFillMarks marks)
    {
        lock (_sampling)
        {
            var previous = _level;
            _level = Sample(marks, previous);
            return _level;
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
