using System.Text.Json;

namespace Moderation.Redis.Webhooks;

/// <summary>One event's delivery to one webhook: what to post, and how the attempts went.</summary>
public sealed record DeliveryRecord(
    string Id,
    string WebhookId,
    string EventId,
    string EventType,
    string Payload,
    DateTimeOffset CreatedAt,
    int Attempts,
    string Status,
    DateTimeOffset? LastAttemptAt,
    int? LastStatusCode,
    string? LastError,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The delivery of an event to a webhook; its id is the same whenever the pair is fanned out, so a repeat overwrites.</summary>
    public static DeliveryRecord New(WebhookEventHead head, string payload, string webhookId, DateTimeOffset now) =>
        new(head.Id + "." + webhookId, webhookId, head.Id, head.Type, payload, now, 0, Pending, null, null, null, now, null);

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    public static DeliveryRecord Parse(string json) =>
        JsonSerializer.Deserialize<DeliveryRecord>(json, Json) ?? throw new InvalidOperationException("An empty delivery record.");
}
