using System.Collections.Immutable;
using System.Globalization;
using StackExchange.Redis;

namespace Moderation.Redis.Polls;

/// <summary>
/// A shard's counts per stored choice (<see cref="PollRedisKeys.VoteCounts"/>), every reader's and signed-in readers',
/// so that the editors' signals read a few numbers instead of walking every vote while the store waits. Every script
/// that writes a shard's votes moves them in the same script. A shard stored before they existed has none: the first
/// read counts them from its votes and marks them built in one script, so a vote racing it is counted once, by the
/// count if it came first, by its own script after. Until then the writers leave them alone.
/// </summary>
internal static class ShardVoteCounts
{
    private const string All = "a:";
    private const string SignedIn = "s:";

    /// <summary>
    /// Lua for the vote scripts (after <see cref="StoredVote.LuaFunctions"/>, with the key <c>counts</c>):
    /// <c>count_vote(deltas, value, step)</c> adds a stored value's step to a table of changes, and
    /// <c>apply_counts(deltas)</c> writes them once the counts are built: one HMGET and one HSET per script rather than an
    /// HINCRBY per count, as the embedded store commits its append-only file after every write command.
    /// </summary>
    internal const string LuaFunctions =
        """
        local function count_vote(deltas, value, step)
          local option = option_of(value)
          deltas['a:' .. option] = (deltas['a:' .. option] or 0) + step
          if is_signed_in(value) then
            deltas['s:' .. option] = (deltas['s:' .. option] or 0) + step
          end
        end
        local function apply_counts(deltas)
          local fields = {}
          for field, delta in pairs(deltas) do
            if delta ~= 0 then fields[#fields + 1] = field end
          end
          for first = 1, #fields, 1000 do
            local chunk = { unpack(fields, first, math.min(first + 999, #fields)) }
            local stored = redis.call('HMGET', counts, 'built', unpack(chunk))
            if not stored[1] then return end
            local flat = {}
            for i, field in ipairs(chunk) do
              flat[#flat + 1] = field
              flat[#flat + 1] = tostring((tonumber(stored[i + 1]) or 0) + deltas[field])
            end
            redis.call('HSET', counts, unpack(flat))
          end
        end

        """;

    /// <summary>
    /// Answers the counts hash as field, value pairs. Counts them from the votes first when they are not built, or when
    /// every reader's counts no longer add up to the number of votes (the embedded store logs a script's writes one by
    /// one, so a crash can keep a vote without its count).
    /// </summary>
    internal const string ReadLua =
        """
        local stored = redis.call('HGETALL', counts)
        local built = false
        local total = 0
        for i = 1, #stored, 2 do
          if stored[i] == 'built' then
            built = true
          elseif string.sub(stored[i], 1, 2) == 'a:' then
            total = total + tonumber(stored[i + 1])
          end
        end
        if built and total == redis.call('HLEN', votes) then return stored end
        local deltas = {}
        for _, value in ipairs(redis.call('HVALS', votes)) do
          count_vote(deltas, value, 1)
        end
        local flat = { 'built', '1' }
        for field, count in pairs(deltas) do
          flat[#flat + 1] = field
          flat[#flat + 1] = tostring(count)
        end
        redis.call('DEL', counts)
        for i = 1, #flat, 1000 do
          redis.call('HSET', counts, unpack(flat, i, math.min(i + 999, #flat)))
        end
        return flat
        """;

    /// <summary>The counts from the read script's field, value pairs: choices with votes, and their signed-in counts.</summary>
    internal static ShardCounts Parse(RedisResult[] flat)
    {
        var all = new Dictionary<string, long>(StringComparer.Ordinal);
        var signedIn = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < flat.Length; i += 2)
        {
            var field = (string)flat[i]!;
            var count = long.Parse((string)flat[i + 1]!, CultureInfo.InvariantCulture);
            if (field.StartsWith(All, StringComparison.Ordinal))
            {
                all[field[All.Length..]] = count;
            }
            else if (field.StartsWith(SignedIn, StringComparison.Ordinal))
            {
                signedIn[field[SignedIn.Length..]] = count;
            }
        }

        var choices = all.Where(choice => choice.Value != 0).ToArray();
        return new ShardCounts(
            choices.ToImmutableDictionary(StringComparer.Ordinal),
            choices.ToImmutableDictionary(choice => choice.Key, choice => signedIn.GetValueOrDefault(choice.Key), StringComparer.Ordinal));
    }
}
