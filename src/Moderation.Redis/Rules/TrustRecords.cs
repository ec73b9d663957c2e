using System.Globalization;
using System.Text.Json;
using Moderation.Redis.Connection;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Rules;

/// <summary>The site's trust rule settings as an editor set them; they override the configuration's once stored.</summary>
/// <param name="NewReaderComments">A reader's first this many comments wait (0: off).</param>
/// <param name="LinkApprovedComments">Comments with links wait while the author has fewer approved comments (0: off).</param>
/// <param name="RecentRejections">This many rejections within the window premoderate the reader (0: off).</param>
/// <param name="RejectionWindow">How close together those rejections must be.</param>
/// <param name="RejectionPremoderation">How long the reader's comments then wait.</param>
public sealed record TrustSettings(
    int NewReaderComments, int LinkApprovedComments, int RecentRejections, TimeSpan RejectionWindow, TimeSpan RejectionPremoderation);

/// <summary>The stored trust settings: version 0 and no settings until the first change.</summary>
public sealed record StoredTrust(long Version, TrustSettings? Settings, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public static readonly StoredTrust Never = new(0, null, null, null);
}

/// <summary>
/// The trust settings in Redis: one hash replaced whole by a versioned script, and a channel that tells every silo a
/// new version is there (a silo that misses it finds it by the version), as the word lists do.
/// </summary>
public sealed class TrustRecords(IConnectionMultiplexer redis, RedisWriteConnections writes)
{
    /// <summary>ARGV: the version the writer saw ('' for any), settings JSON, updatedAt (Unix ms), updatedBy. Answers {'stored'|'stale', version}.</summary>
    internal static readonly RedisScript<RulesSite> Replace = new(
        "replace the trust settings",
        new ScriptKeys<RulesSite>().Key("trust", _ => RulesRedisKeys.Trust),
        """
        local expected = ARGV[1]
        local current = tonumber(redis.call('HGET', trust, 'version') or '0')
        if expected ~= '' and tonumber(expected) ~= current then
          return {'stale', tostring(current)}
        end
        local version = current + 1
        redis.call('HSET', trust, 'version', tostring(version), 'settings', ARGV[2], 'updatedAt', ARGV[3], 'updatedBy', ARGV[4])
        return {'stored', tostring(version)}
        """);

    private static readonly RedisValue[] Fields = ["version", "settings", "updatedAt", "updatedBy"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly RedisChannel _channel = RedisChannel.Literal(RulesRedisKeys.TrustChangedChannel);

    /// <summary>Stores the settings durably, then tells every silo; not stored when <paramref name="expectedVersion"/> is given and stale.</summary>
    public async Task<(long Version, bool Stored)> ReplaceAsync(TrustSettings settings, long? expectedVersion, string updatedBy, DateTimeOffset at)
    {
        RedisValue[] arguments =
        [
            expectedVersion is { } expected ? expected.ToString(CultureInfo.InvariantCulture) : "",
            JsonSerializer.Serialize(settings, Json),
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

    public async Task<StoredTrust> ReadAsync()
    {
        var values = await redis.GetDatabase().HashGetAsync(RulesRedisKeys.Trust, Fields);
        if (values[0].IsNullOrEmpty)
        {
            return StoredTrust.Never;
        }

        return new StoredTrust(
            (long)values[0],
            JsonSerializer.Deserialize<TrustSettings>((string)values[1]!, Json),
            values[2].IsNullOrEmpty ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)values[2]),
            values[3].IsNullOrEmpty ? null : values[3].ToString());
    }

    public async Task<long> VersionAsync() =>
        await redis.GetDatabase().HashGetAsync(RulesRedisKeys.Trust, "version") is { IsNullOrEmpty: false } version ? (long)version : 0;

    /// <summary>Calls <paramref name="changed"/> with each version stored anywhere in the cluster.</summary>
    public Task SubscribeAsync(Action<long> changed) =>
        redis.GetSubscriber().SubscribeAsync(_channel, (_, version) => changed((long)version));
}
