using Moderation.Api.Events;
using Moderation.Redis.Readers;
using StackExchange.Redis;

namespace Moderation.Api.Readers;

/// <summary>One Redis subscription per connected reader per process, fanned out to that reader's open streams here.</summary>
public sealed class ReaderEventsHub(IConnectionMultiplexer redis)
{
    // A reader gets a few notices an hour; one this far behind loses the oldest (and replays them on reconnect).
    private const int BufferPerListener = 64;

    private readonly RedisFanOut<ReaderNotice> _fanOut = new(redis, ReaderNotices.Channel, ReaderNotices.Parse, BufferPerListener);

    public Task<FanOutListener<ReaderNotice>> ListenAsync(string readerId) => _fanOut.ListenAsync(readerId);
}
