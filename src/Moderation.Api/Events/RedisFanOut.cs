using System.Collections.Concurrent;
using System.Threading.Channels;
using StackExchange.Redis;

namespace Moderation.Api.Events;

/// <summary>
/// One Redis subscription per topic (a poll, an article) per process, fanned out to every local listener of that
/// topic. Each listener has a small buffer that drops its oldest message when full: a slow listener skips messages
/// instead of holding memory or the others back. The subscription ends with the topic's last listener.
/// </summary>
public sealed class RedisFanOut<TMessage>(
    IConnectionMultiplexer redis, Func<string, RedisChannel> channelOf, Func<RedisValue, TMessage> parse, int bufferPerListener)
{
    private readonly ConcurrentDictionary<string, Feed> _feeds = new();
    private readonly Func<string, RedisChannel> _channelOf = channelOf;
    private readonly Func<RedisValue, TMessage> _parse = parse;
    private readonly int _bufferPerListener = bufferPerListener;

    private ISubscriber Subscriber => redis.GetSubscriber();

    public async Task<FanOutListener<TMessage>> ListenAsync(string topic)
    {
        while (true)
        {
            var feed = _feeds.GetOrAdd(topic, key => new Feed(key, this));
            var listener = await feed.AddAsync();
            if (listener is not null)
            {
                return listener;
            }

            // The feed closed between lookup and joining: take a fresh one.
            _feeds.TryRemove(KeyValuePair.Create(topic, feed));
        }
    }

    public int ListenerCount(string topic) => _feeds.TryGetValue(topic, out var feed) ? feed.Count : 0;

    private sealed class Feed(string topic, RedisFanOut<TMessage> hub)
    {
        private readonly HashSet<FanOutListener<TMessage>> _listeners = [];
        private readonly SemaphoreSlim _gate = new(1, 1);
        private ChannelMessageQueue? _subscription;
        private bool _closed;

        public int Count
        {
            get
            {
                lock (_listeners)
                {
                    return _listeners.Count;
                }
            }
        }

        public async Task<FanOutListener<TMessage>?> AddAsync()
        {
            await _gate.WaitAsync();
            try
            {
                if (_closed)
                {
                    return null;
                }

                if (_subscription is null)
                {
                    _subscription = await hub.Subscriber.SubscribeAsync(hub._channelOf(topic));
                    _subscription.OnMessage(Deliver);
                }

                var listener = new FanOutListener<TMessage>(RemoveAsync, hub._bufferPerListener);
                lock (_listeners)
                {
                    _listeners.Add(listener);
                }

                return listener;
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task RemoveAsync(FanOutListener<TMessage> listener)
        {
            await _gate.WaitAsync();
            try
            {
                lock (_listeners)
                {
                    _listeners.Remove(listener);
                    if (_listeners.Count > 0)
                    {
                        return;
                    }
                }

                _closed = true;
                hub._feeds.TryRemove(KeyValuePair.Create(topic, this));
                if (_subscription is not null)
                {
                    await _subscription.UnsubscribeAsync();
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        private void Deliver(ChannelMessage message)
        {
            var parsed = hub._parse(message.Message);
            FanOutListener<TMessage>[] listeners;
            lock (_listeners)
            {
                listeners = [.. _listeners];
            }

            foreach (var listener in listeners)
            {
                listener.Offer(parsed);
            }
        }
    }
}

/// <summary>One local listener of a topic; dispose it to leave.</summary>
public sealed class FanOutListener<TMessage> : IAsyncDisposable
{
    private readonly Func<FanOutListener<TMessage>, Task> _remove;
    private readonly Channel<TMessage> _updates;

    internal FanOutListener(Func<FanOutListener<TMessage>, Task> remove, int buffer)
    {
        _remove = remove;
        _updates = Channel.CreateBounded<TMessage>(new BoundedChannelOptions(buffer) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    }

    public ChannelReader<TMessage> Updates => _updates.Reader;

    internal void Offer(TMessage message) => _updates.Writer.TryWrite(message);

    public async ValueTask DisposeAsync() => await _remove(this);
}
