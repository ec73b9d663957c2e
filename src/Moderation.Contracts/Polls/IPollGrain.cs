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

    /// <summary>Closes the poll durably; every shard refuses votes once this returns.</summary>
    Task<PollView?> Close();
}
