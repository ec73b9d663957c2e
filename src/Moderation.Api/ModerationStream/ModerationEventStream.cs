using Moderation.Api.Events;
using Moderation.Redis.ModerationFeed;

namespace Moderation.Api.ModerationStream;

/// <summary>One moderator's live stream of the moderation feed, resuming after the last id the client saw.</summary>
public sealed class ModerationEventStream(long? lastEventId, ModerationEventsHub hub, FeedRecords records, TimeSpan keepAlive)
    : ResumableEventStream<FeedEvent>(lastEventId, keepAlive)
{
    protected override Task<FanOutListener<FeedEvent>> ListenAsync() => hub.ListenAsync();

    protected override Task<IReadOnlyList<FeedEvent>> KeptAfterAsync(long afterId) => records.AfterAsync(afterId);

    protected override Task<long> LastIdAsync() => records.LastIdAsync();

    protected override long IdOf(FeedEvent message) => message.Id;

    protected override string JsonOf(FeedEvent message) => message.Json;
}
