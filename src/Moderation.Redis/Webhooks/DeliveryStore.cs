using Moderation.Redis.Comments;
using Moderation.Redis.Connection;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Webhooks;

/// <summary>The deliveries of each part: which are due, how each attempt went, and each webhook's recent ones.</summary>
public sealed class DeliveryStore(IConnectionMultiplexer redis, RedisWriteConnections writes)
{
    /// <summary>ARGV: delivery id, its record, when to try next (Unix ms; empty: never, it is finished). Answers 0 when the record is gone.</summary>
    internal static readonly RedisScript<int> AttemptScript = new(
        "record a webhook delivery attempt",
        new ScriptKeys<int>()
            .Key("due", part => WebhookRedisKeys.Due(part))
            .Key("deliveries", part => WebhookRedisKeys.Deliveries(part)),
        """
        if redis.call('HEXISTS', deliveries, ARGV[1]) == 0 then
          redis.call('ZREM', due, ARGV[1])
          return 0
        end
        redis.call('HSET', deliveries, ARGV[1], ARGV[2])
        if ARGV[3] == '' then redis.call('ZREM', due, ARGV[1]) else redis.call('ZADD', due, ARGV[3], ARGV[1]) end
        return 1
        """);

    /// <summary>Removes one webhook's deliveries from a part: its log, their records, and those still due.</summary>
    internal static readonly RedisScript<(int Part, string WebhookId)> ForgetScript = new(
        "forget a webhook's deliveries",
        new ScriptKeys<(int Part, string WebhookId)>()
            .Key("due", subject => WebhookRedisKeys.Due(subject.Part))
            .Key("deliveries", subject => WebhookRedisKeys.Deliveries(subject.Part))
            .Key("log", subject => WebhookRedisKeys.Log(subject.Part, subject.WebhookId)),
        """
        for _, id in ipairs(redis.call('ZRANGE', log, 0, -1)) do
          redis.call('HDEL', deliveries, id)
          redis.call('ZREM', due, id)
        end
        redis.call('DEL', log)
        return 1
        """);

    /// <summary>Up to <paramref name="count"/> of the part's deliveries due by <paramref name="now"/>, oldest first.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> DueAsync(int part, DateTimeOffset now, int count)
    {
        var database = redis.GetDatabase();
        var ids = await database.SortedSetRangeByScoreAsync(WebhookRedisKeys.Due(part), double.NegativeInfinity, now.ToUnixTimeMilliseconds(), take: count);
        if (ids.Length == 0)
        {
            return [];
        }

        var records = await database.HashGetAsync(WebhookRedisKeys.Deliveries(part), ids);
        return [.. records.Where(record => !record.IsNullOrEmpty).Select(record => DeliveryRecord.Parse((string)record!))];
    }

    /// <summary>Whether the delivery is still due by <paramref name="now"/>: not finished, nor put off by an attempt since it was read.</summary>
    public async Task<bool> IsDueAsync(int part, string deliveryId, DateTimeOffset now) =>
        await redis.GetDatabase().SortedSetScoreAsync(WebhookRedisKeys.Due(part), deliveryId) is { } at && at <= now.ToUnixTimeMilliseconds();

    /// <summary>Stores an attempt's outcome; <paramref name="next"/> null when the delivery is finished.</summary>
    public Task RecordAttemptAsync(int part, DeliveryRecord record, DateTimeOffset? next) =>
        AttemptScript.EvaluateAsync(writes.For(part), part, [record.Id, record.Serialize(), next is { } at ? at.ToUnixTimeMilliseconds() : ""]);

    /// <summary>A webhook's newest deliveries over every part, newest first.</summary>
    public async Task<IReadOnlyList<DeliveryRecord>> RecentAsync(string webhookId, int limit)
    {
        var database = redis.GetDatabase();
        var parts = await Task.WhenAll(CommentParts.All.Select(async part =>
        {
            var ids = await database.SortedSetRangeByRankAsync(WebhookRedisKeys.Log(part, webhookId), 0, limit - 1, Order.Descending);
            if (ids.Length == 0)
            {
                return [];
            }

            var records = await database.HashGetAsync(WebhookRedisKeys.Deliveries(part), ids);
            return records.Where(record => !record.IsNullOrEmpty).Select(record => DeliveryRecord.Parse((string)record!));
        }));
        return [.. parts.SelectMany(records => records).OrderByDescending(record => record.CreatedAt).ThenBy(record => record.Id, StringComparer.Ordinal).Take(limit)];
    }

    /// <summary>Drops every delivery of a removed webhook.</summary>
    public Task ForgetAsync(string webhookId) =>
        Task.WhenAll(CommentParts.All.Select(part => ForgetScript.EvaluateAsync(writes.For(part), (part, webhookId))));
}
