using StackExchange.Redis;

namespace Moderation.Api.Model;

/// <summary>
/// Stores imported labels whose text no label has yet: per item (hash, class, JSON) an atomic check-and-add on the
/// label index, so a text is stored once also when imports race. Returns 1 (stored) or 0 (duplicate) per item.
/// </summary>
internal static class ImportLabelsScript
{
    public const string Lua = """
        local index = KEYS[1]
        local imports = KEYS[2]
        local counts = KEYS[3]
        local stored = {}
        local added = 0
        for i = 1, #ARGV, 3 do
          local hash, class, json = ARGV[i], ARGV[i + 1], ARGV[i + 2]
          if redis.call('HSETNX', index, hash, 'i' .. class) == 1 then
            redis.call('HSET', imports, hash, json)
            redis.call('HINCRBY', counts, class == '1' and 'import:toxic' or 'import:clean', 1)
            added = added + 1
            stored[#stored + 1] = 1
          else
            stored[#stored + 1] = 0
          end
        end
        redis.call('HINCRBY', counts, 'added:import', added)
        return stored
        """;

    public static RedisKey[] Keys() => [ModelRedisKeys.LabelIndex, ModelRedisKeys.LabelImports, ModelRedisKeys.LabelCounts];
}
