using System.IO.Hashing;
using System.Text;

namespace Moderation.Contracts.Polls;

/// <summary>Which shard holds a reader's vote: a stable hash, the same in every process and release.</summary>
public static class VoteSharding
{
    /// <summary>The shard index of <paramref name="readerId"/> among <paramref name="shardCount"/> shards.</summary>
    public static int ShardOf(string readerId, int shardCount) =>
        (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes(readerId)) % (uint)shardCount);

    /// <summary>The key of a shard grain.</summary>
    public static string ShardKey(string pollId, int shard) => $"{pollId}/{shard}";
}
