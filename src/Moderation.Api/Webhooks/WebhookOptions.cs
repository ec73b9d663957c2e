namespace Moderation.Api.Webhooks;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Allows targets at loopback, link-local and private addresses; for tests and closed networks only.</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>How often each silo looks for events and due deliveries in the parts it dispatches.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after the first failed attempt; it doubles with each failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a delivery is retried before it is marked failed.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long one attempt may take, connection included.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries in flight at once on one silo.</summary>
    public int MaxConcurrentDeliveries { get; set; } = 64;

    /// <summary>Deliveries in flight at once on one silo to one webhook, so that a slow receiver holds only its share.</summary>
    public int MaxConcurrentPerWebhook { get; set; } = 16;

    /// <summary>How long a silo holds a part's dispatch after its last renewal; another silo takes over after it.</summary>
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How old a ban's or a poll close's pending event must be before the dispatcher takes it for one a crash left
    /// behind and hands it back to its grain; longer than such a change can take.
    /// </summary>
    public TimeSpan PendingEventGrace { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Registered webhooks at most.</summary>
    public int MaxWebhooks { get; set; } = 50;
}
