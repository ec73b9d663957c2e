using Moderation.Redis.Webhooks;

namespace Moderation.Api.Webhooks;

/// <summary>
/// The deliveries this silo is attempting: at most so many at once, and at most so many per webhook, so that a slow
/// receiver holds only its own share. A dispatcher that found no room waits for <see cref="Freed"/>, which completes
/// once half the room (overall, or a webhook's) is free again, so that it refills in batches, not one by one.
/// </summary>
public sealed class InFlightDeliveries(int total, int perWebhook)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _perWebhook = new(StringComparer.Ordinal);
    private TaskCompletionSource _freed = NewSignal();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _ids.Count;
            }
        }
    }

    /// <summary>Completes when room was freed after this was read.</summary>
    public Task Freed
    {
        get
        {
            lock (_gate)
            {
                return _freed.Task;
            }
        }
    }

    public bool Contains(string deliveryId)
    {
        lock (_gate)
        {
            return _ids.Contains(deliveryId);
        }
    }

    /// <summary>Takes a place for the delivery; false when it is in flight already or there is no room for it.</summary>
    public bool TryClaim(DeliveryRecord delivery)
    {
        lock (_gate)
        {
            var ofWebhook = _perWebhook.GetValueOrDefault(delivery.WebhookId);
            if (_ids.Count >= total || ofWebhook >= perWebhook || !_ids.Add(delivery.Id))
            {
                return false;
            }

            _perWebhook[delivery.WebhookId] = ofWebhook + 1;
            return true;
        }
    }

    public void Release(DeliveryRecord delivery)
    {
        TaskCompletionSource? freed = null;
        lock (_gate)
        {
            if (!_ids.Remove(delivery.Id))
            {
                return;
            }

            var ofWebhook = _perWebhook[delivery.WebhookId] - 1;
            if (ofWebhook == 0)
            {
                _perWebhook.Remove(delivery.WebhookId);
            }
            else
            {
                _perWebhook[delivery.WebhookId] = ofWebhook;
            }

            if (_ids.Count == total / 2 || ofWebhook == perWebhook / 2)
            {
                freed = _freed;
                _freed = NewSignal();
            }
        }

        freed?.SetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
