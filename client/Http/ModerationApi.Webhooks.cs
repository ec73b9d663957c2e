using Moderation.Http.Webhooks;

namespace Moderation.Client.Http;

/// <summary>The site's webhooks (editors).</summary>
public sealed partial class ModerationApi
{
    public Task<WebhookResponse> AddWebhookAsync(WebhookRequest webhook, CancellationToken cancellationToken = default) =>
        SendAsync<WebhookResponse>(HttpMethod.Post, "api/webhooks", webhook, cancellationToken);

    public Task<WebhookListResponse> ListWebhooksAsync(CancellationToken cancellationToken = default) =>
        SendAsync<WebhookListResponse>(HttpMethod.Get, "api/webhooks", null, cancellationToken);

    public Task RemoveWebhookAsync(string webhookId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/webhooks/{Escape(webhookId)}", null, cancellationToken);

    public Task<DeliveryListResponse> WebhookDeliveriesAsync(string webhookId, int limit, CancellationToken cancellationToken = default) =>
        SendAsync<DeliveryListResponse>(HttpMethod.Get, $"api/webhooks/{Escape(webhookId)}/deliveries?limit={limit}", null, cancellationToken);
}
