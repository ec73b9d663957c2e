using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Webhooks;

/// <summary>The registered webhooks: one hash, read whole (a site has a handful).</summary>
public sealed class WebhookRecords(IConnectionMultiplexer redis)
{
    /// <summary>ARGV: webhook id, its record as read (its JSON as stored), its new record. Answers 0 when the record changed or went meanwhile.</summary>
    internal static readonly RedisScript<string> ReplaceScript = new(
        "replace a webhook record unless it changed",
        new ScriptKeys<string>().Key("hooks", _ => WebhookRedisKeys.Hooks),
        """
        if redis.call('HGET', hooks, ARGV[1]) ~= ARGV[2] then return 0 end
        redis.call('HSET', hooks, ARGV[1], ARGV[3])
        return 1
        """);

    public Task AddAsync(WebhookRecord hook) => redis.GetDatabase().HashSetAsync(WebhookRedisKeys.Hooks, hook.Id, hook.Serialize());

    public async Task<IReadOnlyList<WebhookRecord>> ListAsync()
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(WebhookRedisKeys.Hooks);
        return [.. entries.Select(entry => WebhookRecord.Parse((string)entry.Value!)).OrderBy(hook => hook.CreatedAt).ThenBy(hook => hook.Id, StringComparer.Ordinal)];
    }

    public async Task<WebhookRecord?> FindAsync(string id) =>
        await redis.GetDatabase().HashGetAsync(WebhookRedisKeys.Hooks, id) is { IsNullOrEmpty: false } json ? WebhookRecord.Parse((string)json!) : null;

    /// <summary>
    /// Stores every record whose secret is not sealed yet with <paramref name="seal"/>'s version of it, unless the record
    /// was removed or changed meanwhile. Answers how many were sealed.
    /// </summary>
    public async Task<int> SealPlainSecretsAsync(Func<WebhookRecord, WebhookRecord> seal)
    {
        var database = redis.GetDatabase();
        var sealedCount = 0;
        foreach (var entry in await database.HashGetAllAsync(WebhookRedisKeys.Hooks))
        {
            var hook = WebhookRecord.Parse((string)entry.Value!);
            if (!hook.SecretSealed)
            {
                sealedCount += (int)(long)await ReplaceScript.EvaluateAsync(database, hook.Id, [entry.Name, entry.Value, seal(hook).Serialize()]);
            }
        }

        return sealedCount;
    }

    /// <returns>False when there was no such webhook.</returns>
    public Task<bool> RemoveAsync(string id) => redis.GetDatabase().HashDeleteAsync(WebhookRedisKeys.Hooks, id);
}
