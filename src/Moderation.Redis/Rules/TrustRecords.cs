using System.Text.Json;
using Moderation.Redis.Connection;
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

/// <summary>The trust settings in Redis: <c>settings</c>, one JSON object; none (the configuration's apply) until first set.</summary>
public sealed class TrustRecords(IConnectionMultiplexer redis, RedisWriteConnections writes)
    : SiteRuleRecords<TrustSettings?>(redis, writes, RulesRedisKeys.Trust, RulesRedisKeys.TrustChangedChannel)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override IReadOnlyList<string> RuleFields { get; } = ["settings"];

    protected override TrustSettings? Never => null;

    protected override IReadOnlyList<RedisValue> Write(TrustSettings? settings) => [JsonSerializer.Serialize(settings, Json)];

    protected override TrustSettings? Read(IReadOnlyList<RedisValue> values) =>
        JsonSerializer.Deserialize<TrustSettings>((string)values[0]!, Json);
}
