namespace Moderation.Contracts.Polls;

/// <summary>
/// The votes of one slice of a poll's readers (key "{pollId}/{shard}"). Votes that arrive while a
/// storage write is under way are committed together in the next write.
/// </summary>
public interface IVoteShardGrain : IGrainWithStringKey
{
    /// <summary>Records the vote durably, or refuses it; returns once the outcome is durable.</summary>
    Task<VoteOutcome> Vote(Ballot ballot);

    /// <summary>Several readers' votes in one call, as <see cref="Vote"/> each; the outcomes in the ballots' order.</summary>
    Task<VoteOutcome[]> VoteAll(System.Collections.Immutable.ImmutableArray<Ballot> ballots);

    /// <summary>The option this reader chose, or null.</summary>
    Task<string?> GetVote(string readerId);

    /// <summary>Takes the poll's new schedule: votes are refused from its new closesAt.</summary>
    Task Reschedule(PollView poll);

    /// <summary>Takes the reader's vote out (an erasure) and out of the tally; false when they had none here.</summary>
    Task<bool> Retract(string readerId);

    /// <summary>
    /// Stores ballots restored from an export, whatever the poll's schedule or closed state, each counted only when the
    /// reader has no vote here (a reader's vote is never changed by a restore); returns how many were counted.
    /// </summary>
    Task<int> Restore(System.Collections.Immutable.ImmutableArray<Ballot> ballots);

    /// <summary>Stops taking votes and returns once every accepted vote is committed.</summary>
    Task Close();
}
