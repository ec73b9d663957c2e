using StackExchange.Redis;

namespace Moderation.Testing;

/// <summary>Every key of a store and everything in it, as text: what an erasure test searches for a reader's traces.</summary>
public static class StoreScan
{
    /// <returns>Each key with what it holds that contains one of <paramref name="needles"/>, or whose name does.</returns>
    public static async Task<IReadOnlyList<string>> FindAsync(IConnectionMultiplexer redis, params string[] needles)
    {
        var database = redis.GetDatabase();
        var found = new List<string>();
        foreach (var server in redis.GetServers().Where(server => !server.IsReplica))
        {
            await foreach (var key in server.KeysAsync(pattern: "*", pageSize: 1000))
            {
                var texts = new List<string> { key! };
                switch (await database.KeyTypeAsync(key))
                {
                    case RedisType.String:
                        texts.Add((string?)await database.StringGetAsync(key) ?? "");
                        break;
                    case RedisType.Hash:
                        texts.AddRange((await database.HashGetAllAsync(key)).SelectMany(entry => new[] { (string)entry.Name!, (string?)entry.Value ?? "" }));
                        break;
                    case RedisType.Set:
                        texts.AddRange((await database.SetMembersAsync(key)).Select(member => (string)member!));
                        break;
                    case RedisType.SortedSet:
                        texts.AddRange((await database.SortedSetRangeByRankAsync(key)).Select(member => (string)member!));
                        break;
                    case RedisType.List:
                        texts.AddRange((await database.ListRangeAsync(key)).Select(item => (string)item!));
                        break;
                }

                foreach (var needle in needles)
                {
                    if (texts.FirstOrDefault(text => text.Contains(needle, StringComparison.Ordinal)) is { } text)
                    {
                        found.Add($"{key}: '{needle}' in '{(text.Length > 200 ? text[..200] + "…" : text)}'");
                    }
                }
            }
        }

        return found;
    }
}
