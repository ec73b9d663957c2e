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
    /// Sets when an open poll closes by itself (null: never), durably, and tells its shards; a closed poll is left as it
    /// is. Returns the poll as it now stands, or null when it does not exist.
    /// </summary>
    Task<PollView?> Schedule(DateTimeOffset? closesAt);

    /// <summary>Closes the poll durably; every shard refuses votes once this returns.</summary>
    Task<PollView?> Close();

    /// <summary>Records the close's webhook event if the poll holds the event of that id; after a crash left it pending.</summary>
    Task RecordPendingEvent(string eventId);
}
