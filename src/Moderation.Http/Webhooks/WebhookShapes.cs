namespace Moderation.Http.Webhooks;

/// <summary>A webhook to register.</summary>
/// <param name="Url">Where deliveries are posted: http or https, at a public address unless the service allows private ones.</param>
/// <param name="Events">The events to deliver: comment.published, comment.held, comment.approved, comment.rejected, comment.reported, reader.banned, poll.closed.</param>
/// <param name="Secret">The key each delivery is signed with (HMAC-SHA256); 16 to 256 characters; never shown again.</param>
public sealed record WebhookRequest(string? Url, IReadOnlyList<string?>? Events, string? Secret);

/// <summary>A registered webhook, without its secret.</summary>
/// <param name="Id">The webhook's id.</param>
/// <param name="Url">Where deliveries are posted.</param>
/// <param name="Events">The events it receives.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="CreatedBy">The editor who registered it.</param>
public sealed record WebhookResponse(string Id, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>The registered webhooks, oldest first.</summary>
/// <param name="Items">The webhooks.</param>
public sealed record WebhookListResponse(IReadOnlyList<WebhookResponse> Items);

/// <summary>One event's delivery to a webhook.</summary>
/// <param name="Id">The delivery id, also sent as X-Moderation-Delivery: the same on every retry.</param>
/// <param name="EventId">The event's id.</param>
/// <param name="Event">The event's type.</param>
/// <param name="Status">pending (to be tried, or retried), delivered, or failed (gave up after the retry period).</param>
/// <param name="Attempts">Attempts so far.</param>
/// <param name="CreatedAt">When the delivery was made from the event.</param>
/// <param name="LastAttemptAt">When it was last tried, or null.</param>
/// <param name="LastStatusCode">The receiver's last HTTP status, or null when there was no answer.</param>
/// <param name="LastError">Why the last attempt failed, or null.</param>
/// <param name="NextAttemptAt">When it is tried next, or null when finished.</param>
/// <param name="DeliveredAt">When the receiver accepted it, or null.</param>
public sealed record DeliveryResponse(
    string Id, string EventId, string Event, string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt,
    int? LastStatusCode, string? LastError, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt);

/// <summary>A webhook's newest deliveries, newest first.</summary>
/// <param name="Items">The deliveries.</param>
public sealed record DeliveryListResponse(IReadOnlyList<DeliveryResponse> Items);
