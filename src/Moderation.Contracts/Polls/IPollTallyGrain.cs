using System.Collections.Immutable;

namespace Moderation.Contracts.Polls;

/// <summary>Adds up a poll's shard tallies and publishes the results to the cache: a change after a quiet 250 ms at once, then every 250 ms while votes flow.</summary>
public interface IPollTallyGrain : IGrainWithStringKey
{
    /// <summary>A shard's committed totals after its latest writes.</summary>
    Task ReportShard(int shard, ImmutableDictionary<string, long> tally);

    /// <summary>Publishes now (e.g. on creation or closing) and returns the results.</summary>
    Task<PollResults> Publish();

    /// <summary>Publishes at once if the committed totals differ from the published ones, as after a crash.</summary>
    Task Refresh();

    /// <summary>The latest published results, publishing first if there are none yet.</summary>
    Task<PollResults> GetResults();

    /// <summary>Recomputes the totals from every stored vote, reports differences and publishes the recount.</summary>
    Task<RecountReport> Recount();
}
