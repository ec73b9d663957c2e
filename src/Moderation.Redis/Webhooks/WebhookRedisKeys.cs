using Moderation.Redis.Comments;

namespace Moderation.Redis.Webhooks;

/// <summary>
/// The webhooks key family. The registered webhooks share the tag <c>{webhooks}</c>; the outbox, the deliveries and the
/// dispatcher's lease live in each comment part's slot, so a comment script writes its event into the outbox it shares
/// a slot with, and every script here touches one slot, also on Redis Cluster.
/// </summary>
public static class WebhookRedisKeys
{
    /// <summary>Hash: webhook id to its JSON record (with its secret).</summary>
    public const string Hooks = "moderation:{webhooks}:hooks";

    /// <summary>Sorted set of grain events that may be stored in grain state but not yet in an outbox ("kind eventId grainKey"), scored by when marked (Unix ms).</summary>
    public const string PendingGrainEvents = "moderation:{webhooks}:pending-grain-events";

    /// <summary>Sorted set of a part's events not yet fanned out to deliveries: member the event's JSON, score when it happened (Unix ms).</summary>
    public static string Outbox(int part) => CommentParts.Prefix(part) + "webhooks:outbox";

    /// <summary>Sorted set of a part's deliveries still to be attempted, scored by when (Unix ms).</summary>
    public static string Due(int part) => CommentParts.Prefix(part) + "webhooks:due";

    /// <summary>Hash: delivery id to its JSON record, in the part its event came from.</summary>
    public static string Deliveries(int part) => CommentParts.Prefix(part) + "webhooks:deliveries";

    /// <summary>Sorted set of one webhook's deliveries in a part, scored by creation (Unix ms); trimmed to the newest kept.</summary>
    public static string Log(int part, string webhookId) => CommentParts.Prefix(part) + "webhooks:log:" + webhookId;

    /// <summary>String: the silo that dispatches the part's outbox, with an expiry it renews.</summary>
    public static string Lease(int part) => CommentParts.Prefix(part) + "webhooks:lease";
}
