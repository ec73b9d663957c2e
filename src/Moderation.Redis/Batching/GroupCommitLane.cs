using System.Collections.Immutable;

namespace Moderation.Redis.Batching;

/// <summary>
/// Group commit: the first item starts a call at once; items that arrive while a call is under way wait and go
/// together in the next call (at most <c>maxBatch</c> of them), so a busy lane costs a call per batch rather than per
/// item. Each item's task completes with the call's answer for it, and so only after the write that holds it; when a
/// call fails, every item of that batch fails with it and the next batch is sent all the same.
/// </summary>
/// <remarks>The send function answers the batch's items in their order, one outcome each.</remarks>
public sealed class GroupCommitLane<TItem, TOutcome>
{
    private readonly Lock _gate = new();
    private readonly Func<ImmutableArray<TItem>, Task<TOutcome[]>> _send;
    private readonly int _maxBatch;
    private readonly Action<GroupCommitLane<TItem, TOutcome>>? _retired;
    private List<Waiting> _waiting = [];
    private bool _sending;
    private bool _isRetired;

    public GroupCommitLane(Func<ImmutableArray<TItem>, Task<TOutcome[]>> send, int maxBatch = int.MaxValue)
        : this(send, maxBatch, retired: null)
    {
    }

    /// <param name="retired">
    /// When given, the lane retires as soon as a call returns and nothing waits: it takes no more items
    /// (<see cref="TryAdd"/> answers null) and calls this, still holding its lock, so that its owner drops it.
    /// </param>
    internal GroupCommitLane(Func<ImmutableArray<TItem>, Task<TOutcome[]>> send, int maxBatch, Action<GroupCommitLane<TItem, TOutcome>>? retired)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _send = send;
        _maxBatch = maxBatch;
        _retired = retired;
    }

    public Task<TOutcome> Add(TItem item) =>
        TryAdd(item) ?? throw new InvalidOperationException("A lane that retires when idle takes its items through TryAdd.");

    /// <returns>Null when the lane has retired: the caller takes a fresh one from its owner.</returns>
    internal Task<TOutcome>? TryAdd(TItem item)
    {
        var outcome = new TaskCompletionSource<TOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_isRetired)
            {
                return null;
            }

            _waiting.Add(new Waiting(item, outcome));
            if (_sending)
            {
                return outcome.Task;
            }

            _sending = true;
        }

        _ = SendAllAsync();
        return outcome.Task;
    }

    private async Task SendAllAsync()
    {
        while (TakeBatch() is { } batch)
        {
            await SendAsync(batch);
        }
    }

    /// <returns>Null when nothing waits: the lane is idle again (or retired).</returns>
    private List<Waiting>? TakeBatch()
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                _sending = false;
                if (_retired is not null)
                {
                    _isRetired = true;
                    _retired(this);
                }

                return null;
            }

            if (_waiting.Count <= _maxBatch)
            {
                var all = _waiting;
                _waiting = [];
                return all;
            }

            var first = _waiting[.._maxBatch];
            _waiting.RemoveRange(0, _maxBatch);
            return first;
        }
    }

    private async Task SendAsync(List<Waiting> batch)
    {
        TOutcome[] outcomes;
        try
        {
            var items = ImmutableArray.CreateBuilder<TItem>(batch.Count);
            foreach (var waiting in batch)
            {
                items.Add(waiting.Item);
            }

            outcomes = await _send(items.MoveToImmutable());
            if (outcomes.Length != batch.Count)
            {
                throw new InvalidOperationException($"A batch of {batch.Count} was answered with {outcomes.Length} outcomes.");
            }
        }
        catch (Exception exception)
        {
            foreach (var waiting in batch)
            {
                waiting.Outcome.TrySetException(exception);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Outcome.TrySetResult(outcomes[i]);
        }
    }

    private readonly record struct Waiting(TItem Item, TaskCompletionSource<TOutcome> Outcome);
}
