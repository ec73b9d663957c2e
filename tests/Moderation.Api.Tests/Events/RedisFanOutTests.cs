using Moderation.Api.Events;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Events;

public sealed class RedisFanOutTests(RedisServerFixture redisServer) : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private const string KeepAlive = "keep-alive";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private ConnectionMultiplexer _redis = null!;

    [Fact]
    public async Task A_listener_that_does_not_read_holds_only_the_newest_message_while_the_others_get_every_one()
    {
        using var fanOut = NewFanOut();
        var topic = NewTopic();
        await using var reading = await fanOut.ListenAsync(topic);
        await using var stalled = await fanOut.ListenAsync(topic);

        var received = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            await PublishAsync(topic, $"version {i}");
            received.Add(await reading.Updates.ReadAsync().AsTask().WaitAsync(Wait));
        }

        // The stalled listener may be offered the last message a moment after the reading one read it.
        var deadline = DateTime.UtcNow + Wait;
        while (!(stalled.Updates.TryPeek(out var newest) && newest == "version 5") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(["version 1", "version 2", "version 3", "version 4", "version 5"], received);
        Assert.Equal(1, stalled.Updates.Count);
        Assert.True(stalled.Updates.TryRead(out var held));
        Assert.Equal("version 5", held);
    }

    [Fact]
    public async Task A_quiet_listener_gets_keep_alives_and_a_waiting_message_is_never_displaced_by_one()
    {
        using var fanOut = NewFanOut(keepAliveInterval: TimeSpan.FromMilliseconds(200));
        var topic = NewTopic();
        await using var quiet = await fanOut.ListenAsync(topic);
        Assert.Equal(KeepAlive, await quiet.Updates.ReadAsync().AsTask().WaitAsync(Wait));
        await using var unread = await fanOut.ListenAsync(topic);

        await PublishAsync(topic, "results");
        await Task.Delay(600); // three ticks of the keep-alive timer pass the unread message

        Assert.Equal("results", await unread.Updates.ReadAsync().AsTask().WaitAsync(Wait));
        Assert.Equal(KeepAlive, await unread.Updates.ReadAsync().AsTask().WaitAsync(Wait));
    }

    [Fact]
    public async Task Ending_a_listener_completes_its_reader_and_leaving_drops_the_topic()
    {
        using var fanOut = NewFanOut();
        var topic = NewTopic();
        var listener = await fanOut.ListenAsync(topic);
        Assert.Equal(1, fanOut.ListenerCount(topic));

        listener.End();
        var more = await listener.Updates.WaitToReadAsync().AsTask().WaitAsync(Wait);
        await listener.DisposeAsync();

        Assert.False(more);
        Assert.Equal(0, fanOut.ListenerCount(topic));
    }

    public async Task InitializeAsync() => _redis = await ConnectionMultiplexer.ConnectAsync(redisServer.ConnectionString);

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    private RedisFanOut<string> NewFanOut(TimeSpan? keepAliveInterval = null) => new(
        _redis, topic => RedisChannel.Literal("test-fan-out:" + topic), message => (string)message!, bufferPerListener: 1,
        keepAliveInterval is { } interval ? (KeepAlive, interval) : null);

    private async Task PublishAsync(string topic, string message) =>
        await _redis.GetSubscriber().PublishAsync(RedisChannel.Literal("test-fan-out:" + topic), message);

    private static string NewTopic() => Guid.NewGuid().ToString("N");
}
