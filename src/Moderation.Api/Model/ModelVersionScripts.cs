using StackExchange.Redis;

namespace Moderation.Api.Model;

/// <summary>Saves a version's files and lists it, in one step; refuses (returns 0) a version that exists.</summary>
internal static class SaveVersionScript
{
    public const string Lua = """
        local versions = KEYS[1]
        local files = KEYS[2]
        local version, trained_at = ARGV[1], ARGV[2]
        if redis.call('EXISTS', files) == 1 or redis.call('ZSCORE', versions, version) then return 0 end
        for i = 3, #ARGV, 2 do
          redis.call('HSET', files, ARGV[i], ARGV[i + 1])
        end
        redis.call('ZADD', versions, trained_at, version)
        return 1
        """;

    public static RedisKey[] Keys(string version) => [ModelRedisKeys.Versions, ModelRedisKeys.VersionFiles(version)];
}

/// <summary>Points "current" at a saved version; returns 0 when the version is not saved.</summary>
internal static class PromoteVersionScript
{
    public const string Lua = """
        local versions = KEYS[1]
        local current = KEYS[2]
        if not redis.call('ZSCORE', versions, ARGV[1]) then return 0 end
        redis.call('SET', current, ARGV[1])
        return 1
        """;

    public static RedisKey[] Keys() => [ModelRedisKeys.Versions, ModelRedisKeys.Current];
}
