using System.Collections.Immutable;
using System.Text.Json;

namespace Moderation.Redis.Webhooks;

/// <summary>
/// A registered webhook as stored; the secret never leaves the service. <see cref="Secret"/> is sealed (encrypted, see
/// the API's WebhookSecrets) when <see cref="SecretSealed"/>; records from before sealing hold it in plain text until
/// a dispatcher seals them.
/// </summary>
public sealed record WebhookRecord(
    string Id, string Url, ImmutableArray<string> Events, string Secret, DateTimeOffset CreatedAt, string CreatedBy, bool SecretSealed = false)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool Wants(string eventType) => Events.Contains(eventType, StringComparer.Ordinal);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static WebhookRecord Parse(string json) =>
        JsonSerializer.Deserialize<WebhookRecord>(json, Json) ?? throw new InvalidOperationException("An empty webhook record.");
}
