using System.Globalization;
using Moderation.Redis.Connection;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.ModerationFeed;

/// <summary>
/// The moderation feed in Redis: each event numbered by one counter, kept among the latest <paramref name="kept"/> for
/// listeners that reconnect, then published to every silo. Events are told after the change they report is durable,
/// and are notices, not records (the queue and the audit trail are those): a lost one costs a listener an update.
/// </summary>
public sealed class FeedRecords(IConnectionMultiplexer redis, RedisWriteConnections writes, int kept = FeedRecords.DefaultKept)
{
    /// <summary>Events kept for reconnecting listeners: minutes of a busy site's moderation.</summary>
    public const int DefaultKept = 1_000;

    /// <summary>ARGV: the event's JSON, how many to keep. Answers the event's id.</summary>
    internal static readonly RedisScript<FeedSite> Append = new(
        "append a moderation feed event",
        new ScriptKeys<FeedSite>()
            .Key("sequence", _ => FeedRedisKeys.Sequence)
            .Key("recent", _ => FeedRedisKeys.Recent),
        """
        local id = redis.call('INCR', sequence)
        redis.call('ZADD', recent, id, tostring(id) .. '\n' .. ARGV[1])
        redis.call('ZREMRANGEBYRANK', recent, 0, -tonumber(ARGV[2]) - 1)
        return id
        """);

    private readonly RedisChannel _channel = RedisChannel.Literal(FeedRedisKeys.Channel);

    /// <summary>Numbers the event, keeps it, and publishes it; returns its id.</summary>
    public async Task<long> PublishAsync(string json)
    {
        // On a write connection: a store that answers writes at their commit would hold back reads behind it.
        var id = (long)await Append.EvaluateAsync(writes.For(0), FeedSite.Only, [json, kept]);
        await redis.GetSubscriber().PublishAsync(_channel, Message(id, json));
        return id;
    }

    /// <summary>The kept events after <paramref name="afterId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<FeedEvent>> AfterAsync(long afterId)
    {
        var members = await redis.GetDatabase().SortedSetRangeByScoreAsync(FeedRedisKeys.Recent, afterId, double.PositiveInfinity, Exclude.Start);
        return [.. members.Select(member => Parse(member))];
    }

    /// <summary>The last id handed out (0 before the first event).</summary>
    public async Task<long> LastIdAsync() =>
        await redis.GetDatabase().StringGetAsync(FeedRedisKeys.Sequence) is { IsNullOrEmpty: false } value ? (long)value : 0;

    public RedisChannel Channel => _channel;

    /// <summary>Reads a published or kept message: its id, a newline, its JSON.</summary>
    public static FeedEvent Parse(RedisValue message)
    {
        var text = (string)message!;
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return new FeedEvent(long.Parse(text.AsSpan(0, newline), CultureInfo.InvariantCulture), text[(newline + 1)..]);
    }

    private static string Message(long id, string json) => id.ToString(CultureInfo.InvariantCulture) + "\n" + json;
}

/// <summary>One event of the moderation feed: its id and its JSON.</summary>
public sealed record FeedEvent(long Id, string Json);

/// <summary>What the feed's script builds its keys from: there is one site, so its keys are fixed.</summary>
public sealed class FeedSite
{
    public static readonly FeedSite Only = new();

    private FeedSite()
    {
    }
}
