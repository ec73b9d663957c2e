using System.Globalization;
using Moderation.Redis.Connection;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Readers;

/// <summary>One notice to a reader: its id (per reader, growing), when it was sent, and its JSON.</summary>
public sealed record ReaderNotice(long Id, DateTimeOffset At, string Json);

/// <summary>
/// Notices to readers (a reply, a decision, a pick), kept per reader for <see cref="Retention"/> so a reader who
/// reconnects gets what they missed, then published on the reader's channel to every silo. Like the moderation feed,
/// they are told after the change they report is durable and are notices, not records: a lost one costs an update.
/// </summary>
public sealed class ReaderNotices(IConnectionMultiplexer redis, RedisWriteConnections writes, TimeProvider clock)
{
    /// <summary>How long a notice is kept for replay.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    /// <summary>The most notices kept per reader, whatever their age.</summary>
    public const int MaxKept = 500;

    /// <summary>
    /// ARGV: the notice's JSON, now (Unix ms), how many to keep, the oldest time kept (Unix ms), the retention (ms).
    /// Answers the notice's id. Trims the oldest beyond the count and, from the old end, those past the retention.
    /// </summary>
    internal static readonly RedisScript<string> Append = new(
        "append a reader notice",
        new ScriptKeys<string>()
            .Key("sequence", readerId => ReaderRedisKeys.NoticeSequence(readerId))
            .Key("notices", readerId => ReaderRedisKeys.Notices(readerId)),
        """
        local id = redis.call('INCR', sequence)
        redis.call('ZADD', notices, id, tostring(id) .. '\n' .. ARGV[2] .. '\n' .. ARGV[1])
        redis.call('ZREMRANGEBYRANK', notices, 0, -tonumber(ARGV[3]) - 1)
        for _, member in ipairs(redis.call('ZRANGE', notices, 0, 19)) do
          local first = string.find(member, '\n', 1, true)
          local second = string.find(member, '\n', first + 1, true)
          if tonumber(string.sub(member, first + 1, second - 1)) >= tonumber(ARGV[4]) then break end
          redis.call('ZREM', notices, member)
        end
        redis.call('PEXPIRE', notices, ARGV[5])
        return id
        """);

    /// <summary>Numbers the notice, keeps it, and publishes it to the reader's listeners on every silo; returns its id.</summary>
    public async Task<long> SendAsync(string readerId, string json)
    {
        var now = clock.GetUtcNow();
        var at = now.ToUnixTimeMilliseconds();
        var id = (long)await Append.EvaluateAsync(writes.For(0), readerId,
            [json, at, MaxKept, (now - Retention).ToUnixTimeMilliseconds(), (long)Retention.TotalMilliseconds]);
        await redis.GetSubscriber().PublishAsync(Channel(readerId), Message(id, at, json));
        return id;
    }

    /// <summary>The kept notices after <paramref name="afterId"/> and within the retention, oldest first.</summary>
    public async Task<IReadOnlyList<ReaderNotice>> AfterAsync(string readerId, long afterId)
    {
        var members = await redis.GetDatabase().SortedSetRangeByScoreAsync(ReaderRedisKeys.Notices(readerId), afterId, double.PositiveInfinity, Exclude.Start);
        var oldest = clock.GetUtcNow() - Retention;
        return [.. members.Select(member => Parse(member)).Where(notice => notice.At >= oldest)];
    }

    /// <summary>Drops the reader's kept notices about a comment (an erased reader's reply to them).</summary>
    public async Task ForgetAboutAsync(string readerId, string commentId)
    {
        var key = ReaderRedisKeys.Notices(readerId);
        var about = (await redis.GetDatabase().SortedSetRangeByRankAsync(key))
            .Where(member => ((string)member!).Contains($"\"commentId\":\"{commentId}\"", StringComparison.Ordinal))
            .ToArray();
        if (about.Length > 0)
        {
            await writes.For(0).SortedSetRemoveAsync(key, about);
        }
    }

    /// <summary>The last id handed out to the reader (0 before the first notice).</summary>
    public async Task<long> LastIdAsync(string readerId) =>
        await redis.GetDatabase().StringGetAsync(ReaderRedisKeys.NoticeSequence(readerId)) is { IsNullOrEmpty: false } value ? (long)value : 0;

    /// <summary>The pub/sub channel of one reader's notices.</summary>
    public static RedisChannel Channel(string readerId) => RedisChannel.Literal(ReaderRedisKeys.NoticeChannel(readerId));

    /// <summary>Reads a published or kept notice: its id, a newline, its time (Unix ms), a newline, its JSON.</summary>
    public static ReaderNotice Parse(RedisValue message)
    {
        var text = (string)message!;
        var first = text.IndexOf('\n', StringComparison.Ordinal);
        var second = text.IndexOf('\n', first + 1);
        return new ReaderNotice(
            long.Parse(text.AsSpan(0, first), CultureInfo.InvariantCulture),
            DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(text.AsSpan(first + 1, second - first - 1), CultureInfo.InvariantCulture)),
            text[(second + 1)..]);
    }

    private static string Message(long id, long at, string json) =>
        id.ToString(CultureInfo.InvariantCulture) + "\n" + at.ToString(CultureInfo.InvariantCulture) + "\n" + json;
}
