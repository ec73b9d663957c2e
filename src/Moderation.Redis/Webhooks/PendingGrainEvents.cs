using Moderation.Redis.Connection;
using StackExchange.Redis;

namespace Moderation.Redis.Webhooks;

/// <summary>
/// The events of grain state (a ban, a poll's close) that may be stored with their grain's state but not yet in an
/// outbox: the grain state is not in a part's slot, so the two cannot be written together. An entry is written before
/// the grain's state and removed once the event is in the outbox; an entry left behind by a crash is handed back to its
/// grain, which records the event if its state holds it and otherwise drops the entry (the change never happened).
/// </summary>
public sealed class PendingGrainEvents(IConnectionMultiplexer redis, RedisWriteConnections writes, TimeProvider clock)
{
    // The entries share the {webhooks} tag; any write connection will do, as long as it answers once the write is durable.
    private IDatabase Writes => writes.For(0);

    /// <summary>Notes that the grain is about to store the event; call it before the state write.</summary>
    public Task MarkAsync(PendingGrainEvent entry) =>
        Writes.SortedSetAddAsync(WebhookRedisKeys.PendingGrainEvents, entry.ToString(), clock.GetUtcNow().ToUnixTimeMilliseconds());

    /// <summary>The event is in the outbox, or its grain's state does not hold it.</summary>
    public Task ClearAsync(PendingGrainEvent entry) => Writes.SortedSetRemoveAsync(WebhookRedisKeys.PendingGrainEvents, entry.ToString());

    /// <summary>Up to <paramref name="count"/> entries marked before <paramref name="cutoff"/>, oldest first.</summary>
    public async Task<IReadOnlyList<PendingGrainEvent>> MarkedBeforeAsync(DateTimeOffset cutoff, int count)
    {
        var members = await redis.GetDatabase().SortedSetRangeByScoreAsync(
            WebhookRedisKeys.PendingGrainEvents, double.NegativeInfinity, cutoff.ToUnixTimeMilliseconds(), Exclude.Stop, take: count);
        return [.. members.Select(member => PendingGrainEvent.Parse((string)member!))];
    }
}

/// <summary>A grain's event that may not be in an outbox yet: which grain, and the event's id.</summary>
public sealed record PendingGrainEvent(string Kind, string GrainKey, string EventId)
{
    /// <summary>A reader grain's <c>reader.banned</c>.</summary>
    public const string Reader = "reader";

    /// <summary>A poll grain's <c>poll.closed</c>.</summary>
    public const string Poll = "poll";

    public override string ToString() => $"{Kind} {EventId} {GrainKey}";

    public static PendingGrainEvent Parse(string member)
    {
        var fields = member.Split(' ', 3);
        return fields.Length == 3 ? new(fields[0], fields[2], fields[1]) : throw new FormatException($"Not a pending grain event: '{member}'.");
    }
}
