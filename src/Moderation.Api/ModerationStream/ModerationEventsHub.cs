using Moderation.Api.Events;
using Moderation.Redis.ModerationFeed;
using StackExchange.Redis;

namespace Moderation.Api.ModerationStream;

/// <summary>One Redis subscription to the moderation feed per process, fanned out to this silo's moderators.</summary>
public sealed class ModerationEventsHub(IConnectionMultiplexer redis)
{
    // A moderator's console acts on every event; one this far behind loses the oldest (and reads its queue again on reconnect).
    private const int BufferPerListener = 256;
    private const string Topic = "feed";

    private readonly RedisFanOut<FeedEvent> _fanOut = new(
        redis, _ => RedisChannel.Literal(FeedRedisKeys.Channel), FeedRecords.Parse, BufferPerListener);

    public Task<FanOutListener<FeedEvent>> ListenAsync() => _fanOut.ListenAsync(Topic);

    public int ListenerCount => _fanOut.ListenerCount(Topic);
}
