using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Moderation.Contracts.Polls;
using StackExchange.Redis;

namespace Moderation.Api.Polls;

/// <summary>
/// One Redis subscription per poll per process, fanned out to every local listener of that poll. Each listener
/// holds only the newest results: a slow one skips versions instead of holding memory or the others back.
/// </summary>
public sealed class PollEventsHub(IConnectionMultiplexer redis)
{
    private readonly ConcurrentDictionary<string, PollFeed> _feeds = new();

    public async Task<PollListener> ListenAsync(string pollId)
    {
        while (true)
        {
            var feed = _feeds.GetOrAdd(pollId, id => new PollFeed(id, this));
            var listener = await feed.AddAsync();
            if (listener is not null)
            {
                return listener;
            }

            // The feed closed between lookup and joining: take a fresh one.
            _feeds.TryRemove(KeyValuePair.Create(pollId, feed));
        }
    }

    private ISubscriber Subscriber => redis.GetSubscriber();

    public int ListenerCount(string pollId) => _feeds.TryGetValue(pollId, out var feed) ? feed.Count : 0;

    private sealed class PollFeed(string pollId, PollEventsHub hub)
    {
        private readonly HashSet<PollListener> _listeners = [];
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

        public async Task<PollListener?> AddAsync()
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
                    _subscription = await hub.Subscriber.SubscribeAsync(RedisChannel.Literal(PollRedisKeys.ResultsChannel(pollId)));
                    _subscription.OnMessage(Deliver);
                }

                var listener = new PollListener(RemoveAsync);
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

        public async Task RemoveAsync(PollListener listener)
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
                hub._feeds.TryRemove(KeyValuePair.Create(pollId, this));
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
            var json = (string)message.Message!;
            var version = JsonSerializer.Deserialize<PollResults>(json, PollResultsJson.Options)?.Version ?? 0;
            var update = new ResultsUpdate(version, json);
            PollListener[] listeners;
            lock (_listeners)
            {
                listeners = [.. _listeners];
            }

            foreach (var listener in listeners)
            {
                listener.Offer(update);
            }
        }
    }

    public sealed class PollListener : IAsyncDisposable
    {
        private readonly Func<PollListener, Task> _remove;
        private readonly Channel<ResultsUpdate> _updates = Channel.CreateBounded<ResultsUpdate>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        internal PollListener(Func<PollListener, Task> remove) => _remove = remove;

        public ChannelReader<ResultsUpdate> Updates => _updates.Reader;

        internal void Offer(ResultsUpdate update) => _updates.Writer.TryWrite(update);

        public async ValueTask DisposeAsync() => await _remove(this);
    }
}

public readonly record struct ResultsUpdate(long Version, string Json);
