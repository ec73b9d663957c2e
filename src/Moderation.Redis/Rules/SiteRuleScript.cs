using Moderation.Redis.Scripts;

namespace Moderation.Redis.Rules;

/// <summary>The one script that replaces a site rule's hash whole, for every rule of <see cref="SiteRuleRecords{T}"/>.</summary>
internal static class SiteRuleScript
{
    /// <summary>
    /// ARGV: the version the writer saw ('' for any), then field and value pairs (the rule's own, updatedAt, updatedBy).
    /// Answers {'stored', new version} or {'stale', current version}.
    /// </summary>
    internal static readonly RedisScript<string> Replace = new(
        "replace a site rule",
        new ScriptKeys<string>().Key("rule", key => key),
        """
        local expected = ARGV[1]
        local current = tonumber(redis.call('HGET', rule, 'version') or '0')
        if expected ~= '' and tonumber(expected) ~= current then
          return {'stale', tostring(current)}
        end
        local version = current + 1
        redis.call('HSET', rule, 'version', tostring(version), unpack(ARGV, 2))
        return {'stored', tostring(version)}
        """);
}
