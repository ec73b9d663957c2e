using StackExchange.Redis;

namespace Moderation.Api.Model;

/// <summary>
/// Indexes a batch of decision labels (hash, class) read after position ARGV[1], moving the position to ARGV[2]
/// only if no other silo indexed that batch first (then it answers 0 and changes nothing). A decision on a text
/// already labelled takes its place: the moderator's latest word is the label.
/// </summary>
internal static class IndexDecisionsScript
{
    public const string Lua = """
        local index = KEYS[1]
        local counts = KEYS[2]
        local function field(value)
          local origin = string.sub(value, 1, 1) == 'd' and 'decision' or 'import'
          return origin .. (string.sub(value, 2) == '1' and ':toxic' or ':clean')
        end
        if (redis.call('HGET', counts, 'decision:position') or '0') ~= ARGV[1] then return 0 end
        for i = 3, #ARGV, 2 do
          local hash, label = ARGV[i], 'd' .. ARGV[i + 1]
          local old = redis.call('HGET', index, hash)
          if old ~= label then
            if old then redis.call('HINCRBY', counts, field(old), -1) end
            redis.call('HSET', index, hash, label)
            redis.call('HINCRBY', counts, field(label), 1)
          end
          if not old or string.sub(old, 1, 1) == 'i' then redis.call('HINCRBY', counts, 'added:decision', 1) end
        end
        redis.call('HSET', counts, 'decision:position', ARGV[2])
        return 1
        """;

    public static RedisKey[] Keys() => [ModelRedisKeys.LabelIndex, ModelRedisKeys.LabelCounts];
}
