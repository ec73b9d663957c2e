using Moderation.Contracts.Polls;
using Moderation.Redis.Batching;

namespace Moderation.Api.Polls;

/// <summary>
/// This silo's votes on their way to their shards: votes for a shard that arrive while a call to it is under way go
/// to it together in the next call, so a hot poll costs a grain call per batch rather than per vote (the shard
/// groups its writes the same way). Each vote's task completes with the shard's answer for it, and so only once the
/// write holding it is durable. A shard's lane is dropped when a call returns and none wait.
/// </summary>
public sealed class ShardVoteBatcher(IGrainFactory grains)
{
    private readonly KeyedGroupCommitLanes<string, Ballot, VoteOutcome> _shards = new(key => grains.GetGrain<IVoteShardGrain>(key).VoteAll);

    public Task<VoteOutcome> VoteAsync(string shardKey, Ballot ballot) => _shards.Add(shardKey, ballot);
}
