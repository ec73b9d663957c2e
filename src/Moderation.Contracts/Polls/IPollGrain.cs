using Orleans.Concurrency;

namespace Moderation.Contracts.Polls;

/// <summary>A poll's definition and life: created once, open until closed or past closesAt.</summary>
public interface IPollGrain : IGrainWithStringKey
{
    /// <summary>Creates the poll durably; creating it again with the same id returns what exists.</summary>
    Task<PollView> Create(PollDefinition definition);

    /// <summary>The poll, or null when it does not exist.</summary>
    [AlwaysInterleave]
    Task<PollView?> Get();

    /// <summary>
    /// Moves when the poll closes by itself and, before it opens, when it opens; durably, and tells its shards and its
    /// tally. A closed poll, an opened one asked to move its opensAt, or a close not after the opening is left as it is.
    /// </summary>
    Task<PollScheduleResult> Schedule(PollScheduleChange change);

    /// <summary>Closes the poll durably; every shard refuses votes once this returns.</summary>
    Task<PollView?> Close();

    /// <summary>Records the close's webhook event if the poll holds the event of that id; after a crash left it pending.</summary>
    Task RecordPendingEvent(string eventId);
}
