using Moderation.Api.Events;
using Moderation.Redis.Readers;

namespace Moderation.Api.Readers;

/// <summary>One reader's notices, live, resuming after the last id the client saw.</summary>
public sealed class ReaderEventStream(string readerId, long? lastEventId, ReaderEventsHub hub, ReaderNotices notices, TimeSpan keepAlive)
    : ResumableEventStream<ReaderNotice>(lastEventId, keepAlive)
{
    protected override Task<FanOutListener<ReaderNotice>> ListenAsync() => hub.ListenAsync(readerId);

    protected override Task<IReadOnlyList<ReaderNotice>> KeptAfterAsync(long afterId) => notices.AfterAsync(readerId, afterId);

    protected override Task<long> LastIdAsync() => notices.LastIdAsync(readerId);

    protected override long IdOf(ReaderNotice message) => message.Id;

    protected override string JsonOf(ReaderNotice message) => message.Json;
}
