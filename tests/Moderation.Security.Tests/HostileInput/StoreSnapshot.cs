using System.Security.Cryptography;
using StackExchange.Redis;

namespace Moderation.Security.Tests.HostileInput;

/// <summary>
/// Everything the service has stored in Redis, key by key (a hash of each key's DUMP), apart from the cluster
/// membership table, which the silos rewrite on their own schedule.
/// </summary>
internal sealed class StoreSnapshot
{
    private readonly Dictionary<string, string> _values;

    private StoreSnapshot(Dictionary<string, string> values) => _values = values;

    public int Keys => _values.Count;

    public static async Task<StoreSnapshot> TakeAsync(IConnectionMultiplexer redis)
    {
        var server = redis.GetServers().Single();
        var database = redis.GetDatabase();
        var keys = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pageSize: 1000))
        {
            if (!IsVolatile(key!))
            {
                keys.Add(key);
            }
        }

        var dumps = await Task.WhenAll(keys.Select(key => database.KeyDumpAsync(key)));
        var values = new Dictionary<string, string>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            values[keys[i]!] = dumps[i] is { } dump ? Convert.ToHexString(SHA256.HashData(dump)) : "gone";
        }

        return new StoreSnapshot(values);
    }

    /// <summary>
    /// Waits until two snapshots agree: what an accepted write set going in the background has landed. They are taken
    /// further apart than poll results are published (at most every 250 ms), so a pending publication shows up.
    /// </summary>
    public static async Task<StoreSnapshot> SettledAsync(IConnectionMultiplexer redis)
    {
        var previous = await TakeAsync(redis);
        for (var attempt = 0; attempt < 25; attempt++)
        {
            await Task.Delay(400);
            var next = await TakeAsync(redis);
            if (next.Differences(previous).Count == 0)
            {
                return next;
            }

            previous = next;
        }

        throw new InvalidOperationException("The store kept changing for 10 s with no writes coming in.");
    }

    public IReadOnlyList<string> Differences(StoreSnapshot before)
    {
        var changed = _values.Where(pair => !before._values.TryGetValue(pair.Key, out var old) || old != pair.Value)
            .Select(pair => before._values.ContainsKey(pair.Key) ? $"changed {pair.Key}" : $"added {pair.Key}");
        var removed = before._values.Keys.Where(key => !_values.ContainsKey(key)).Select(key => $"removed {key}");
        return [.. changed.Concat(removed)];
    }

    private static bool IsVolatile(string key) =>
        key.Contains("ratelimit", StringComparison.Ordinal) || key.Contains("/members", StringComparison.OrdinalIgnoreCase)
        || key.Contains("membership", StringComparison.OrdinalIgnoreCase);
}
