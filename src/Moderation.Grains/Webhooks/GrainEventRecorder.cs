using Moderation.Redis.Comments;
using Moderation.Redis.Webhooks;

namespace Moderation.Grains.Webhooks;

/// <summary>
/// Records a grain's webhook event (a ban, a poll's close) at least once. The event is kept in the grain's state and
/// written with the change; a pending entry written before that state lets a crash between the state and the outbox be
/// repaired: the dispatcher hands the entry back to the grain (<see cref="RecoverAsync"/>), under the same event id.
/// </summary>
public sealed class GrainEventRecorder(WebhookSubscriptions subscriptions, PendingGrainEvents pending, WebhookOutbox outbox)
{
    /// <summary>
    /// Before the state write: the event to store in the grain's state with the change, its pending entry written; null
    /// when no webhook wants events of its type.
    /// </summary>
    public async Task<string?> PrepareAsync(string kind, string grainKey, string eventType, Func<string, string> eventJson)
    {
        if (!await subscriptions.WantsAsync(eventType))
        {
            return null;
        }

        var eventId = WebhookEvents.NewId();
        await pending.MarkAsync(new PendingGrainEvent(kind, grainKey, eventId));
        return eventJson(eventId);
    }

    /// <summary>After the state write: puts the event into its subject's outbox, then clears its pending entry.</summary>
    public async Task RecordAsync(string kind, string grainKey, string eventJson)
    {
        await outbox.RecordAsync(CommentParts.Hashed(grainKey), eventJson);
        await pending.ClearAsync(new PendingGrainEvent(kind, grainKey, WebhookEventHead.Parse(eventJson).Id));
    }

    /// <summary>
    /// A pending entry handed back: records the event again when the grain's state holds it (<paramref name="stored"/>,
    /// the event kept in state), else drops the entry, since the change it announced was never stored.
    /// </summary>
    public async Task RecoverAsync(string kind, string grainKey, string eventId, string? stored)
    {
        if (stored is not null && WebhookEventHead.Parse(stored).Id == eventId)
        {
            await RecordAsync(kind, grainKey, stored);
            return;
        }

        await pending.ClearAsync(new PendingGrainEvent(kind, grainKey, eventId));
    }
}
