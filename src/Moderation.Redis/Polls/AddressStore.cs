using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Moderation.Redis.Polls;

/// <summary>
/// Votes per client address of a poll, stored only as keyed hashes (HMAC-SHA256 under a secret made once in the
/// store), so the store never holds an address in clear; they expire with the poll's analytics.
/// </summary>
public sealed class AddressStore(IConnectionMultiplexer redis)
{
    private byte[]? _hashKey;

    /// <summary>Adds one silo's counts for a poll in one pipelined write.</summary>
    /// <param name="counts">Votes per address (or IPv6 /64) in clear, as this silo counted them since its last flush.</param>
    public async Task AddAsync(string pollId, IReadOnlyDictionary<string, long> counts)
    {
        if (counts.Count == 0)
        {
            return;
        }

        var hashKey = await HashKeyAsync();
        var key = PollRedisKeys.Addresses(pollId);
        var batch = redis.GetDatabase().CreateBatch();
        var writes = counts.Select(count => (Task)batch.HashIncrementAsync(key, Label(hashKey, count.Key), count.Value)).ToList();
        writes.Add(batch.KeyExpireAsync(key, PollAnalytics.Retention));
        batch.Execute();
        await Task.WhenAll(writes);
    }

    /// <summary>Votes per address label.</summary>
    public async Task<Dictionary<string, long>> ReadAsync(string pollId) =>
        (await redis.GetDatabase().HashGetAllAsync(PollRedisKeys.Addresses(pollId)))
            .ToDictionary(entry => (string)entry.Name!, entry => (long)entry.Value);

    private static string Label(byte[] hashKey, string address) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(hashKey, Encoding.UTF8.GetBytes(address)).AsSpan(0, 12));

    private async Task<byte[]> HashKeyAsync()
    {
        if (_hashKey is { } known)
        {
            return known;
        }

        var database = redis.GetDatabase();
        await database.StringSetAsync(PollRedisKeys.AddressHashKey, RandomNumberGenerator.GetBytes(32), when: When.NotExists);
        var stored = (byte[]?)await database.StringGetAsync(PollRedisKeys.AddressHashKey)
            ?? throw new InvalidOperationException("The address hash key vanished from the store.");
        return _hashKey = stored;
    }
}
