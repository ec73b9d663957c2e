using System.Globalization;
using System.Runtime.CompilerServices;
using Moderation.Redis.Scripts;
using StackExchange.Redis;

namespace Moderation.Redis.Model;

/// <summary>
/// The site's labels in Redis: an index of every labelled text by hash (origin and class), the imported labels, the
/// counters kept with them, and per model version the counters when its training read the labels.
/// </summary>
public sealed class LabelRecords(IConnectionMultiplexer redis)
{
    /// <summary>
    /// ARGV: per item a text hash, its class ('1' toxic) and the label's JSON. Stores an item only when no label has its
    /// text yet, atomically, so a text is stored once also when imports race. Answers 1 (stored) or 0 (a duplicate) per item.
    /// </summary>
    internal static readonly RedisScript<ModelFamily> Import = new(
        "import labels",
        new ScriptKeys<ModelFamily>()
            .Key("index", _ => ModelRedisKeys.LabelIndex)
            .Key("imports", _ => ModelRedisKeys.LabelImports)
            .Key("counts", _ => ModelRedisKeys.LabelCounts),
        """
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
        """);

    /// <summary>
    /// ARGV: the decision position read from, the position read up to, then per decision a text hash and its class.
    /// Moves the position only if no other silo indexed that batch first (then it answers 0 and changes nothing).
    /// A decision on a text already labelled takes its place: the moderator's latest word is the label.
    /// </summary>
    internal static readonly RedisScript<ModelFamily> IndexDecisions = new(
        "index decision labels",
        new ScriptKeys<ModelFamily>()
            .Key("index", _ => ModelRedisKeys.LabelIndex)
            .Key("counts", _ => ModelRedisKeys.LabelCounts),
        """
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
        """);

    private IDatabase Database => redis.GetDatabase();

    /// <returns>Per item whether it was stored (false: a label with its text exists).</returns>
    public async Task<bool[]> ImportAsync(IReadOnlyList<(string Hash, bool Toxic, string Json)> items)
    {
        var arguments = items.SelectMany(item => new RedisValue[] { item.Hash, item.Toxic ? "1" : "0", item.Json }).ToArray();
        var stored = (RedisResult[])(await Import.EvaluateAsync(Database, ModelFamily.Site, arguments))!;
        return [.. stored.Select(result => (int)result == 1)];
    }

    /// <summary>How far the decision records have been indexed.</summary>
    public async Task<long> DecisionPositionAsync() => (long?)await Database.HashGetAsync(ModelRedisKeys.LabelCounts, "decision:position") ?? 0;

    /// <returns>False when another silo indexed from <paramref name="from"/> first.</returns>
    public async Task<bool> IndexDecisionsAsync(long from, long to, IEnumerable<(string Hash, bool Toxic)> decisions)
    {
        RedisValue[] arguments =
        [
            Invariant(from),
            Invariant(to),
            .. decisions.SelectMany(decision => new RedisValue[] { decision.Hash, decision.Toxic ? "1" : "0" }),
        ];
        return (int)await IndexDecisions.EvaluateAsync(Database, ModelFamily.Site, arguments) == 1;
    }

    /// <summary>Every counter by name: <c>decision:toxic</c>, <c>import:clean</c>, <c>added:decision</c>, ...</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountersAsync() =>
        (await Database.HashGetAllAsync(ModelRedisKeys.LabelCounts)).ToDictionary(entry => (string)entry.Name!, entry => (long)entry.Value);

    public async Task<string?> MarkAsync(string version) =>
        await Database.HashGetAsync(ModelRedisKeys.LabelMarks, version) is { IsNullOrEmpty: false } value ? (string)value! : null;

    public Task SetMarkAsync(string version, string mark) => Database.HashSetAsync(ModelRedisKeys.LabelMarks, version, mark);

    /// <summary>Every imported label: its text hash and JSON.</summary>
    public async IAsyncEnumerable<(string Hash, string Json)> ImportsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entry in Database.HashScanAsync(ModelRedisKeys.LabelImports, pageSize: 1000).WithCancellation(cancellationToken))
        {
            yield return ((string)entry.Name!, (string)entry.Value!);
        }
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
