using System.Collections.Concurrent;
using System.Threading.Channels;
using StackExchange.Redis;

namespace Moderation.Api.Events;

/// <summary>
/// One Redis subscription per topic (a poll, an article) per process, fanned out to every local listener of that
/// topic. A message is parsed once for all of them. Each listener has a small buffer that drops its oldest message
/// when full: a slow listener skips messages instead of holding memory or the others back. The subscription ends
/// with the topic's last listener.
/// </summary>
/// <remarks>
/// A listener whose reader is waiting runs its continuation on the delivering thread (synchronous continuations):
/// the reader writes to its response and gives the thread back at its first await that does not complete at once, so
/// one message to ten thousand listeners is one loop instead of ten thousand thread-pool work items. A listener that
/// cannot keep up is awaiting its flush, not its buffer, so it never holds the loop.
/// </remarks>
public sealed class RedisFanOut<TMessage> : IDisposable
{
    private readonly ConcurrentDictionary<string, Feed> _feeds = new();
    private readonly IConnectionMultiplexer _redis;
    private readonly Func<string, RedisChannel> _channelOf;
    private readonly Func<RedisValue, TMessage> _parse;
    private readonly int _bufferPerListener;
    private readonly ITimer? _keepAliveTicker;

    /// <param name="keepAlive">
    /// A message to keep quiet streams open, and the longest silence it allows. One timer for every listener offers it,
    /// twice an interval, to each listener that was offered nothing since the tick before and has nothing waiting: it
    /// never displaces a message, and costs no timer per listener.
    /// </param>
    public RedisFanOut(
        IConnectionMultiplexer redis, Func<string, RedisChannel> channelOf, Func<RedisValue, TMessage> parse, int bufferPerListener,
        (TMessage Message, TimeSpan Interval)? keepAlive = null)
    {
        _redis = redis;
        _channelOf = channelOf;
        _parse = parse;
        _bufferPerListener = bufferPerListener;
        if (keepAlive is { } every)
        {
            var tick = every.Interval / 2;
            _keepAliveTicker = TimeProvider.System.CreateTimer(_ => OfferKeepAlive(every.Message), null, tick, tick);
        }
    }

    private ISubscriber Subscriber => _redis.GetSubscriber();

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

    public void Dispose() => _keepAliveTicker?.Dispose();

    private void OfferKeepAlive(TMessage message)
    {
        foreach (var feed in _feeds.Values)
        {
            foreach (var listener in feed.Listeners())
            {
                listener.OfferKeepAlive(message);
            }
        }
    }

    private sealed class Feed(string topic, RedisFanOut<TMessage> hub)
    {
        private readonly HashSet<FanOutListener<TMessage>> _listeners = [];
        private readonly SemaphoreSlim _gate = new(1, 1);
        private ChannelMessageQueue? _subscription;
        private FanOutListener<TMessage>[]? _snapshot;
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

        /// <summary>The listeners as of now, copied once per change of membership rather than once per message.</summary>
        public FanOutListener<TMessage>[] Listeners()
        {
            lock (_listeners)
            {
                return _snapshot ??= [.. _listeners];
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
                    _snapshot = null;
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
                    _snapshot = null;
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
            foreach (var listener in Listeners())
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
    private readonly Lock _offering = new();
    private bool _offeredSinceTick;

    internal FanOutListener(Func<FanOutListener<TMessage>, Task> remove, int buffer)
    {
        _remove = remove;
        _updates = Channel.CreateBounded<TMessage>(new BoundedChannelOptions(buffer)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            AllowSynchronousContinuations = true,
        });
    }

    /// <summary>The messages, oldest first; complete once <see cref="End"/> was called.</summary>
    public ChannelReader<TMessage> Updates => _updates.Reader;

    /// <summary>Completes <see cref="Updates"/>, so that a reader waiting without a cancellation token stops.</summary>
    public void End() => _updates.Writer.TryComplete();

    public async ValueTask DisposeAsync()
    {
        End();
        await _remove(this);
    }

    internal void Offer(TMessage message)
    {
        lock (_offering)
        {
            _offeredSinceTick = true;
            _updates.Writer.TryWrite(message);
        }
    }

    internal void OfferKeepAlive(TMessage message)
    {
        lock (_offering)
        {
            if (!_offeredSinceTick && _updates.Reader.Count == 0)
            {
                _updates.Writer.TryWrite(message);
            }

            _offeredSinceTick = false;
        }
    }
}
