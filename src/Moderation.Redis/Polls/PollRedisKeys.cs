namespace Moderation.Redis.Polls;

/// <summary>
/// Where a poll's data lives in Redis. The poll id sits in a hash tag so that all of one poll's keys
/// share a Redis Cluster slot and one script may touch them together.
/// </summary>
public static class PollRedisKeys
{
    /// <summary>Hash of reader id to option id for one shard.</summary>
    public static string Votes(string pollId, int shard) => $"moderation:poll:{{{pollId}}}:votes:{shard}";

    /// <summary>
    /// Hash of counts per stored choice for one shard, kept by the scripts that write its votes: <c>a:choice</c> every
    /// reader's, <c>s:choice</c> signed-in readers', and <c>built</c> once they were counted from the votes.
    /// </summary>
    public static string VoteCounts(string pollId, int shard) => $"moderation:poll:{{{pollId}}}:vote-counts:{shard}";

    /// <summary>The published results JSON: what GET results serves.</summary>
    public static string Results(string pollId) => $"moderation:poll:{{{pollId}}}:results";

    /// <summary>Counter behind the results' version, so that it only grows.</summary>
    public static string ResultsVersion(string pollId) => $"moderation:poll:{{{pollId}}}:results-version";

    /// <summary>Hash of minute (Unix minutes) to the totals published when that minute's first change came: the timeline.</summary>
    public static string Timeline(string pollId) => $"moderation:poll:{{{pollId}}}:timeline";

    /// <summary>Hash of keyed address hash to the votes counted from that address (IPv4) or /64 (IPv6).</summary>
    public static string Addresses(string pollId) => $"moderation:poll:{{{pollId}}}:addresses";

    /// <summary>The secret behind the keyed address hashes, made once and shared by every silo.</summary>
    public const string AddressHashKey = "moderation:polls:address-hash-key";

    /// <summary>Sorted set of every poll id by creation time (Unix milliseconds): the editors' page's list.</summary>
    public const string AllPolls = "moderation:polls:all";

    /// <summary>Set of polls whose published results say open: the ones a restarted cluster re-publishes.</summary>
    public const string OpenPolls = "moderation:polls:open";

    /// <summary>Pub/sub channel on which every publication of the results is sent.</summary>
    public static string ResultsChannel(string pollId) => $"moderation:poll:{pollId}:results";
}
