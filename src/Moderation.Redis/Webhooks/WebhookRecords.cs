using StackExchange.Redis;

namespace Moderation.Redis.Webhooks;

/// <summary>The registered webhooks: one hash, read whole (a site has a handful).</summary>
public sealed class WebhookRecords(IConnectionMultiplexer redis)
{
    public Task AddAsync(WebhookRecord hook) => redis.GetDatabase().HashSetAsync(WebhookRedisKeys.Hooks, hook.Id, hook.Serialize());

    public async Task<IReadOnlyList<WebhookRecord>> ListAsync()
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(WebhookRedisKeys.Hooks);
        return [.. entries.Select(entry => WebhookRecord.Parse((string)entry.Value!)).OrderBy(hook => hook.CreatedAt).ThenBy(hook => hook.Id, StringComparer.Ordinal)];
    }

    public async Task<WebhookRecord?> FindAsync(string id) =>
        await redis.GetDatabase().HashGetAsync(WebhookRedisKeys.Hooks, id) is { IsNullOrEmpty: false } json ? WebhookRecord.Parse((string)json!) : null;

    /// <returns>False when there was no such webhook.</returns>
    public Task<bool> RemoveAsync(string id) => redis.GetDatabase().HashDeleteAsync(WebhookRedisKeys.Hooks, id);
}
