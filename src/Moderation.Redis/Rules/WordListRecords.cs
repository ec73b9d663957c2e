using System.Globalization;
using System.Text.Json;
using Moderation.Redis.Connection;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Rules;

/// <summary>
/// The word lists in Redis: one hash replaced whole by one script (so a version always names one pair of lists), and a
/// pub/sub channel that tells every silo a new version is there. Readers that miss the message find it by the version.
/// </summary>
public sealed class WordListRecords(IConnectionMultiplexer redis, RedisWriteConnections writes)
{
    /// <summary>
    /// ARGV: the version the writer saw ('' for any), banned JSON, suspect JSON, updatedAt (Unix ms), updatedBy.
    /// Answers {'stored', new version} or {'stale', current version}.
    /// </summary>
    internal static readonly RedisScript<RulesSite> Replace = new(
        "replace the word lists",
        new ScriptKeys<RulesSite>().Key("words", _ => RulesRedisKeys.Words),
        """
        local expected = ARGV[1]
        local current = tonumber(redis.call('HGET', words, 'version') or '0')
        if expected ~= '' and tonumber(expected) ~= current then
          return {'stale', tostring(current)}
        end
        local version = current + 1
        redis.call('HSET', words, 'version', tostring(version), 'banned', ARGV[2], 'suspect', ARGV[3], 'updatedAt', ARGV[4], 'updatedBy', ARGV[5])
        return {'stored', tostring(version)}
        """);

    private static readonly RedisValue[] Fields = ["version", "banned", "suspect", "updatedAt", "updatedBy"];

    private readonly RedisChannel _channel = RedisChannel.Literal(RulesRedisKeys.WordsChangedChannel);

    /// <summary>
    /// Replaces both lists, durably, then tells every silo. Not stored (and the current version returned) when
    /// <paramref name="expectedVersion"/> is given and is no longer the current one.
    /// </summary>
    public async Task<(long Version, bool Stored)> ReplaceAsync(WordLists lists, long? expectedVersion, string updatedBy, DateTimeOffset at)
    {
        RedisValue[] arguments =
        [
            expectedVersion is { } expected ? expected.ToString(CultureInfo.InvariantCulture) : "",
            JsonSerializer.Serialize(lists.Banned),
            JsonSerializer.Serialize(lists.Suspect),
            at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            updatedBy,
        ];

        var result = (RedisResult[])(await Replace.EvaluateAsync(writes.For(0), RulesSite.Only, arguments))!;
        var version = long.Parse((string)result[1]!, CultureInfo.InvariantCulture);
        var stored = (string)result[0]! == "stored";
        if (stored)
        {
            await redis.GetSubscriber().PublishAsync(_channel, version);
        }

        return (version, stored);
    }

    public async Task<StoredWordLists> ReadAsync()
    {
        var values = await redis.GetDatabase().HashGetAsync(RulesRedisKeys.Words, Fields);
        if (values[0].IsNullOrEmpty)
        {
            return StoredWordLists.Never;
        }

        return new StoredWordLists(
            (long)values[0],
            new WordLists(Parse(values[1]), Parse(values[2])),
            values[3].IsNullOrEmpty ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)values[3]),
            values[4].IsNullOrEmpty ? null : values[4].ToString());
    }

    /// <summary>The current version alone: what the periodic check reads.</summary>
    public async Task<long> VersionAsync() =>
        await redis.GetDatabase().HashGetAsync(RulesRedisKeys.Words, "version") is { IsNullOrEmpty: false } version ? (long)version : 0;

    /// <summary>Calls <paramref name="changed"/> with each version stored anywhere in the cluster.</summary>
    public Task SubscribeAsync(Action<long> changed) =>
        redis.GetSubscriber().SubscribeAsync(_channel, (_, version) => changed((long)version));

    private static IReadOnlyList<string> Parse(RedisValue json) =>
        json.IsNullOrEmpty ? [] : JsonSerializer.Deserialize<string[]>((string)json!) ?? [];
}
