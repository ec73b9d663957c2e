using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Moderation.Redis.Batching;

/// <summary>
/// A <see cref="GroupCommitLane{TItem, TOutcome}"/> per key, made on the key's first item and dropped once it is idle,
/// so that the map holds only the keys with items on their way (a poll's shards come and go with its readers).
/// </summary>
public sealed class KeyedGroupCommitLanes<TKey, TItem, TOutcome>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, GroupCommitLane<TItem, TOutcome>> _lanes = new();
    private readonly Func<TKey, GroupCommitLane<TItem, TOutcome>> _newLane;

    public KeyedGroupCommitLanes(Func<TKey, Func<ImmutableArray<TItem>, Task<TOutcome[]>>> senderFor, int maxBatch = int.MaxValue)
    {
        // One delegate for the map's factory, rather than one per item.
        _newLane = key => new GroupCommitLane<TItem, TOutcome>(
            senderFor(key), maxBatch, retired => _lanes.TryRemove(new KeyValuePair<TKey, GroupCommitLane<TItem, TOutcome>>(key, retired)));
    }

    /// <summary>The keys whose lanes are not idle.</summary>
    public int Count => _lanes.Count;

    public Task<TOutcome> Add(TKey key, TItem item)
    {
        while (true)
        {
            // A lane taken from the map may retire before the item reaches it; the retry finds a fresh one.
            var lane = _lanes.GetOrAdd(key, _newLane);
            if (lane.TryAdd(item) is { } outcome)
            {
                return outcome;
            }
        }
    }
}
