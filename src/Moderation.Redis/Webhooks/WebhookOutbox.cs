using System.Globalization;
using Moderation.Redis.Connection;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Webhooks;

/// <summary>
/// Each part's outbox of webhook events. The comment scripts add to it in the same script as the change they report;
/// the part's dispatcher turns each event into a delivery per subscribed webhook and removes it, in one script.
/// </summary>
public sealed class WebhookOutbox(IConnectionMultiplexer redis, RedisWriteConnections writes, TimeProvider clock)
{
    /// <summary>Deliveries kept per webhook and part for the deliveries route; older finished ones are dropped.</summary>
    public const int KeptPerPart = 100;

    /// <summary>The fan-out of one event and the webhooks it goes to, each with its delivery's log.</summary>
    internal sealed record FanOut(int Part, IReadOnlyList<string> WebhookIds);

    /// <summary>ARGV: the event's JSON (the outbox member), now (Unix ms), deliveries kept per log, then a delivery id and record per webhook.</summary>
    internal static readonly RedisScript<FanOut> FanOutScript = new(
        "fan out a webhook event",
        new ScriptKeys<FanOut>()
            .Key("outbox", fan => WebhookRedisKeys.Outbox(fan.Part))
            .Key("due", fan => WebhookRedisKeys.Due(fan.Part))
            .Key("deliveries", fan => WebhookRedisKeys.Deliveries(fan.Part))
            .Rest("logs", fan => fan.WebhookIds.Select(id => (RedisKey)WebhookRedisKeys.Log(fan.Part, id))),
        """
        if redis.call('ZREM', outbox, ARGV[1]) == 0 then return 0 end
        local now, keep = ARGV[2], tonumber(ARGV[3])
        for i = 1, #logs do
          local id, record = ARGV[2 + 2 * i], ARGV[3 + 2 * i]
          redis.call('HSET', deliveries, id, record)
          redis.call('ZADD', due, now, id)
          redis.call('ZADD', logs[i], now, id)
          local n = redis.call('ZCARD', logs[i])
          if n > keep then
            for _, old in ipairs(redis.call('ZRANGE', logs[i], 0, n - keep - 1)) do
              if not redis.call('ZSCORE', due, old) then
                redis.call('HDEL', deliveries, old)
                redis.call('ZREM', logs[i], old)
              end
            end
          end
        end
        return 1
        """);

    /// <summary>ARGV: owner, time to live (ms). Answers 1 when the caller holds the lease (taken or renewed).</summary>
    internal static readonly RedisScript<int> LeaseScript = new(
        "hold a part's webhook lease",
        new ScriptKeys<int>().Key("lease", part => WebhookRedisKeys.Lease(part)),
        """
        local holder = redis.call('GET', lease)
        if (not holder) or holder == ARGV[1] then
          redis.call('SET', lease, ARGV[1], 'PX', ARGV[2])
          return 1
        end
        return 0
        """);

    /// <summary>
    /// Records an event outside a comment script (a ban, a poll's close), after the change it reports was written: the
    /// grain state those live in is not in a part's slot (<see cref="PendingGrainEvents"/> covers a crash in between).
    /// Recording the same event again while it waits changes nothing.
    /// </summary>
    public Task RecordAsync(int part, string eventJson) =>
        writes.For(part).SortedSetAddAsync(WebhookRedisKeys.Outbox(part), eventJson, clock.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>ARGV: owner. Drops the lease when the caller holds it; answers 1 then.</summary>
    internal static readonly RedisScript<int> ReleaseLeaseScript = new(
        "release a part's webhook lease",
        new ScriptKeys<int>().Key("lease", part => WebhookRedisKeys.Lease(part)),
        """
        if redis.call('GET', lease) == ARGV[1] then
          redis.call('DEL', lease)
          return 1
        end
        return 0
        """);

    /// <summary>The part's oldest events, as JSON.</summary>
    public async Task<IReadOnlyList<string>> OldestAsync(int part, int count)
    {
        var members = await redis.GetDatabase().SortedSetRangeByRankAsync(WebhookRedisKeys.Outbox(part), 0, count - 1);
        return [.. members.Select(member => (string)member!)];
    }

    /// <summary>Turns the event into a pending delivery per webhook and removes it from the outbox, together.</summary>
    public async Task FanOutAsync(int part, string eventJson, IReadOnlyList<WebhookRecord> hooks)
    {
        var head = WebhookEventHead.Parse(eventJson);
        var now = clock.GetUtcNow();
        var wanting = hooks.Where(hook => hook.Wants(head.Type)).ToList();
        var arguments = new List<RedisValue> { eventJson, now.ToUnixTimeMilliseconds(), KeptPerPart };
        foreach (var hook in wanting)
        {
            var record = DeliveryRecord.New(head, eventJson, hook.Id, now);
            arguments.Add(record.Id);
            arguments.Add(record.Serialize());
        }

        await FanOutScript.EvaluateAsync(writes.For(part), new FanOut(part, [.. wanting.Select(hook => hook.Id)]), [.. arguments]);
    }

    /// <summary>Gives the part's lease up if <paramref name="owner"/> holds it, so that another silo takes the part over at once.</summary>
    public Task ReleaseLeaseAsync(int part, string owner) => ReleaseLeaseScript.EvaluateAsync(writes.For(part), part, [owner]);

    /// <summary>Takes or renews the part's lease for <paramref name="owner"/>; false while another silo holds it.</summary>
    public async Task<bool> HoldLeaseAsync(int part, string owner, TimeSpan timeToLive) =>
        (long)await LeaseScript.EvaluateAsync(
            writes.For(part), part, [owner, ((long)timeToLive.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)]) == 1;
}
