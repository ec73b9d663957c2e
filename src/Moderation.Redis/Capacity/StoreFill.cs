namespace Moderation.Redis.Capacity;

/// <summary>How full the store's memory is, against the marks that warn and refuse writes.</summary>
public enum StoreFillLevel
{
    /// <summary>Below the warning mark, or a store that is not guarded (redis-server, or the embedded store's storage tier).</summary>
    Normal,

    /// <summary>At or above the warning mark: writes are still accepted.</summary>
    Warning,

    /// <summary>At or above the refusing mark: writes are refused until memory is raised.</summary>
    Full,
}

/// <summary>The fractions of the store's memory at which the guard warns and refuses writes.</summary>
public sealed record StoreFillMarks(double WarnAt, double RefuseAt)
{
    public StoreFillLevel LevelOf(double fill) =>
        fill >= RefuseAt ? StoreFillLevel.Full
        : fill >= WarnAt ? StoreFillLevel.Warning
        : StoreFillLevel.Normal;

    /// <summary>
    /// The fill up to which a reader's erasure still runs while other writes are refused: halfway from the refusing mark
    /// to the whole memory. An erasure frees a comment's text for one audit record, but a reader of many short comments
    /// may store more than it frees, so it too stops short of the point where records would be dropped.
    /// </summary>
    public double EraseUpTo => RefuseAt + (1 - RefuseAt) / 2;

    /// <summary>Both marks are fractions of memory, the warning no higher than the refusal, and the refusal below 1 (at 1 records are already gone).</summary>
    public bool IsValid => WarnAt > 0 && WarnAt <= RefuseAt && RefuseAt < 1;
}
