using System.Text.Json;
using Moderation.Redis.Connection;
using StackExchange.Redis;

namespace Moderation.Redis.Rules;

/// <summary>The word lists in Redis: <c>banned</c> and <c>suspect</c>, JSON arrays in one hash, replaced together.</summary>
public sealed class WordListRecords(IConnectionMultiplexer redis, RedisWriteConnections writes)
    : SiteRuleRecords<WordLists>(redis, writes, RulesRedisKeys.Words, RulesRedisKeys.WordsChangedChannel)
{
    protected override IReadOnlyList<string> RuleFields { get; } = ["banned", "suspect"];

    protected override WordLists Never => WordLists.Empty;

    protected override IReadOnlyList<RedisValue> Write(WordLists lists) =>
        [JsonSerializer.Serialize(lists.Banned), JsonSerializer.Serialize(lists.Suspect)];

    protected override WordLists Read(IReadOnlyList<RedisValue> values) => new(Parse(values[0]), Parse(values[1]));

    private static IReadOnlyList<string> Parse(RedisValue json) =>
        json.IsNullOrEmpty ? [] : JsonSerializer.Deserialize<string[]>((string)json!) ?? [];
}
