using System.Collections.Concurrent;
using System.Collections.Immutable;
using Moderation.Contracts.Polls;

namespace Moderation.Api.Polls;

/// <summary>
/// This silo's votes on their way to their shards: votes for a shard that arrive while a call to it is under way go
/// to it together in the next call, so a hot poll costs a grain call per batch rather than per vote (the shard
/// groups its writes the same way). Each vote's task completes with the shard's answer for it, and so only once the
/// write holding it is durable.
/// </summary>
public sealed class ShardVoteBatcher(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, ShardQueue> _shards = new();

    public Task<VoteOutcome> VoteAsync(string shardKey, Ballot ballot)
    {
        while (true)
        {
            var queue = _shards.GetOrAdd(shardKey, key => new ShardQueue(key, grains.GetGrain<IVoteShardGrain>(key)));
            if (queue.TryAdd(ballot, this) is { } outcome)
            {
                return outcome;
            }
        }
    }

    private void Retire(ShardQueue queue) => _shards.TryRemove(new KeyValuePair<string, ShardQueue>(queue.Key, queue));

    /// <summary>One shard's waiting votes. Retired (and dropped from the map) when a call returns and none wait.</summary>
    private sealed class ShardQueue(string key, IVoteShardGrain shard)
    {
        private readonly Lock _gate = new();
        private List<(Ballot Ballot, TaskCompletionSource<VoteOutcome> Outcome)> _waiting = [];
        private bool _sending;
        private bool _retired;

        public string Key => key;

        /// <returns>Null when this queue was retired: the caller takes a fresh one from the map.</returns>
        public Task<VoteOutcome>? TryAdd(Ballot ballot, ShardVoteBatcher batcher)
        {
            var outcome = new TaskCompletionSource<VoteOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                if (_retired)
                {
                    return null;
                }

                _waiting.Add((ballot, outcome));
                if (_sending)
                {
                    return outcome.Task;
                }

                _sending = true;
            }

            _ = SendAsync(batcher);
            return outcome.Task;
        }

        private async Task SendAsync(ShardVoteBatcher batcher)
        {
            while (true)
            {
                List<(Ballot Ballot, TaskCompletionSource<VoteOutcome> Outcome)> batch;
                lock (_gate)
                {
                    if (_waiting.Count == 0)
                    {
                        _sending = false;
                        _retired = true;
                        batcher.Retire(this);
                        return;
                    }

                    batch = _waiting;
                    _waiting = [];
                }

                try
                {
                    var outcomes = await shard.VoteAll([.. batch.Select(vote => vote.Ballot)]);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Outcome.TrySetResult(outcomes[i]);
                    }
                }
                catch (Exception exception)
                {
                    foreach (var vote in batch)
                    {
                        vote.Outcome.TrySetException(exception);
                    }
                }
            }
        }
    }
}
