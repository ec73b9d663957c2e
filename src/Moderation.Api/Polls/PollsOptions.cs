namespace Moderation.Api.Polls;

public sealed class PollsOptions
{
    public const string Section = "Polls";

    /// <summary>
    /// Vote shards per new poll: how many storage writes one poll's votes can have under way at once. All of one
    /// poll's writes go through one write connection to one Redis (its keys share a hash tag), so more shards do not
    /// write in parallel; they only cut the same votes into smaller batches, and each batch has a fixed cost (a script,
    /// a ban lookup, an append-only file commit on the embedded store). Measured with wrk, 64 concurrent new voters:
    /// 16 shards 0.45 disk writes and 8.4 thread-pool work items per vote, 4 shards 0.12 and 4.8.
    /// </summary>
    public int ShardCount { get; set; } = 4;

    /// <summary>How often a silo writes the client address counts of the brigading signals: what a silo crash can lose.</summary>
    public TimeSpan AddressFlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest silence on a results stream before a comment line keeps proxies from closing it.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);
}
