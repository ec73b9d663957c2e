namespace Moderation.Redis.Webhooks;

/// <summary>
/// This silo's copy of the registered webhooks, so that a comment script records an event in its outbox only when a
/// webhook wants it: on the embedded store every write command in a script costs a disk commit. Refreshed by the
/// dispatcher every poll and at once after a change on this silo; another silo's change is seen within a poll.
/// </summary>
public sealed class WebhookSubscriptions(WebhookRecords records)
{
    private volatile IReadOnlyList<WebhookRecord>? _current;

    /// <summary>The webhooks as last read.</summary>
    public async ValueTask<IReadOnlyList<WebhookRecord>> CurrentAsync() => _current ?? await RefreshAsync();

    /// <summary>Whether any webhook wants events of this type; reads the webhooks first if they were never read.</summary>
    public async ValueTask<bool> WantsAsync(string eventType) => (await CurrentAsync()).Any(hook => hook.Wants(eventType));

    public async Task<IReadOnlyList<WebhookRecord>> RefreshAsync()
    {
        var hooks = await records.ListAsync();
        _current = hooks;
        return hooks;
    }
}
