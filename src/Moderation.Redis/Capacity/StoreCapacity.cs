namespace Moderation.Redis.Capacity;

/// <summary>
/// The last sampled fill of the store's memory and the level it puts the service at. Writers ask
/// <see cref="IsFullNow"/> before they write: below the warning mark that reads a volatile field, nothing more; from it
/// on it samples again first, so that what a loaded machine writes while its sampler waits for a thread cannot outrun
/// the margin. A store that nobody samples is not guarded and never full: redis-server manages its own memory, and the
/// embedded store's storage tier keeps records on disk rather than dropping them.
/// </summary>
public sealed class StoreCapacity
{
    private volatile bool _isFull;
    private volatile bool _hasDroppedRecords;
    private volatile Reading? _last;
    private volatile Func<StoreFillLevel>? _sampleNow;

    /// <summary>Whether writes must be refused now.</summary>
    public bool IsFull => _isFull;

    /// <summary>
    /// Whether writes must be refused now: below the warning mark, the last sample's answer; from it on, a fresh sample's.
    /// </summary>
    public bool IsFullNow()
    {
        if (_last is { Level: not StoreFillLevel.Normal } && _sampleNow is { } sampleNow)
        {
            sampleNow();
        }

        return _isFull;
    }

    /// <summary>
    /// Whether a reader's erasure must stop now: a fresh sample (from the warning mark on) at or past
    /// <see cref="StoreFillMarks.EraseUpTo"/>.
    /// </summary>
    public bool RefusesErasureNow() => IsFullNow() && _last is { } reading && reading.Fill >= reading.Marks.EraseUpTo;

    /// <summary>Gives the sampler's way to take a sample at once, which <see cref="IsFullNow"/> uses near the mark.</summary>
    public void SampleWith(Func<StoreFillLevel> sampleNow) => _sampleNow = sampleNow;

    /// <summary>Whether a sampler watches this store.</summary>
    public bool IsGuarded => _last is not null;

    /// <summary>The last reading, or null while the store is not guarded.</summary>
    public Reading? Last => _last;

    /// <summary>Whether the store has dropped records since this process started: what the guard exists to prevent.</summary>
    public bool HasDroppedRecords => _hasDroppedRecords;

    public void RecordDroppedRecords() => _hasDroppedRecords = true;

    /// <summary>Records a sample and returns the level it puts the store at.</summary>
    public StoreFillLevel Record(long usedBytes, long limitBytes, StoreFillMarks marks)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limitBytes);
        var fill = (double)Math.Max(usedBytes, 0) / limitBytes;
        var level = marks.LevelOf(fill);
        _last = new Reading(usedBytes, limitBytes, fill, level, marks);
        _isFull = level == StoreFillLevel.Full;
        return level;
    }

    /// <summary>One sample: bytes in use (log pages plus the heap of objects such as hashes and sorted sets) of the limit.</summary>
    public sealed record Reading(long UsedBytes, long LimitBytes, double Fill, StoreFillLevel Level, StoreFillMarks Marks);
}
