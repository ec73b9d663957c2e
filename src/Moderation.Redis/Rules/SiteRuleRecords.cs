using System.Globalization;
using Moderation.Redis.Connection;
using StackExchange.Redis;

namespace Moderation.Redis.Rules;

/// <summary>
/// One site rule in Redis: a hash (<c>version</c>, the rule's own fields, <c>updatedAt</c> in Unix ms, <c>updatedBy</c>)
/// replaced whole by one script, so a version always names one whole rule, and a pub/sub channel that tells every silo a
/// new version is there. Readers that miss the message find it by the version.
/// </summary>
public abstract class SiteRuleRecords<T>(IConnectionMultiplexer redis, RedisWriteConnections writes, string key, string channel)
{
    private readonly RedisChannel _channel = RedisChannel.Literal(channel);

    /// <summary>The rule's own fields of the hash, in the order <see cref="Write"/> and <see cref="Read"/> take their values.</summary>
    protected abstract IReadOnlyList<string> RuleFields { get; }

    /// <summary>The rule in force before any editor set one.</summary>
    protected abstract T Never { get; }

    /// <summary>The values of <see cref="RuleFields"/> for <paramref name="rule"/>.</summary>
    protected abstract IReadOnlyList<RedisValue> Write(T rule);

    /// <summary>The rule from the stored values of <see cref="RuleFields"/>.</summary>
    protected abstract T Read(IReadOnlyList<RedisValue> values);

    /// <summary>
    /// Replaces the rule, durably, then tells every silo. Not stored (and the current version returned) when
    /// <paramref name="expectedVersion"/> is given and is no longer the current one.
    /// </summary>
    public async Task<(long Version, bool Stored)> ReplaceAsync(T rule, long? expectedVersion, string updatedBy, DateTimeOffset at)
    {
        var values = Write(rule);
        var arguments = new List<RedisValue> { expectedVersion is { } expected ? expected.ToString(CultureInfo.InvariantCulture) : "" };
        for (var index = 0; index < RuleFields.Count; index++)
        {
            arguments.Add(RuleFields[index]);
            arguments.Add(values[index]);
        }

        arguments.AddRange(["updatedAt", at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), "updatedBy", updatedBy]);
        var result = (RedisResult[])(await SiteRuleScript.Replace.EvaluateAsync(writes.For(0), key, [.. arguments]))!;
        var version = long.Parse((string)result[1]!, CultureInfo.InvariantCulture);
        var stored = (string)result[0]! == "stored";
        if (stored)
        {
            await redis.GetSubscriber().PublishAsync(_channel, version);
        }

        return (version, stored);
    }

    public async Task<StoredSiteRule<T>> ReadAsync()
    {
        RedisValue[] fields = ["version", .. RuleFields.Select(field => (RedisValue)field), "updatedAt", "updatedBy"];
        var values = await redis.GetDatabase().HashGetAsync(key, fields);
        if (values[0].IsNullOrEmpty)
        {
            return new StoredSiteRule<T>(0, Never, null, null);
        }

        var updatedAt = values[^2];
        var updatedBy = values[^1];
        return new StoredSiteRule<T>(
            (long)values[0],
            Read(values[1..^2]),
            updatedAt.IsNullOrEmpty ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)updatedAt),
            updatedBy.IsNullOrEmpty ? null : updatedBy.ToString());
    }

    /// <summary>The current version alone: what the periodic check reads.</summary>
    public async Task<long> VersionAsync() =>
        await redis.GetDatabase().HashGetAsync(key, "version") is { IsNullOrEmpty: false } version ? (long)version : 0;

    /// <summary>Calls <paramref name="changed"/> with each version stored anywhere in the cluster.</summary>
    public Task SubscribeAsync(Action<long> changed) =>
        redis.GetSubscriber().SubscribeAsync(_channel, (_, version) => changed((long)version));
}
