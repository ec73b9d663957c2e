using Moderation.Redis.ModerationFeed;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>The moderation feed's append script on a real server; run on each store by the classes below.</summary>
public abstract class FeedScriptTests(ScriptServer server)
{
    [Fact]
    public async Task Appending_numbers_each_event_keeps_only_the_latest_and_publishes_it_with_its_id()
    {
        var feed = new FeedRecords(server.Connection, server.Writes, kept: 3);
        var heard = new List<FeedEvent>();
        var fifth = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var subscription = await server.Connection.GetSubscriber().SubscribeAsync(feed.Channel);
        subscription.OnMessage(message =>
        {
            lock (heard)
            {
                heard.Add(FeedRecords.Parse(message.Message));
                if (heard.Count == 5)
                {
                    fifth.TrySetResult();
                }
            }
        });
        var before = await feed.LastIdAsync();

        var ids = new List<long>();
        for (var n = 1; n <= 5; n++)
        {
            ids.Add(await feed.PublishAsync($"{{\"n\":{n}}}"));
        }

        var kept = await feed.AfterAsync(before);
        await fifth.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await subscription.UnsubscribeAsync();

        Assert.Equal(Enumerable.Range(1, 5).Select(n => before + n), ids);
        Assert.Equal(before + 5, await feed.LastIdAsync());
        Assert.Equal([new FeedEvent(before + 3, "{\"n\":3}"), new FeedEvent(before + 4, "{\"n\":4}"), new FeedEvent(before + 5, "{\"n\":5}")], kept);
        Assert.Equal([new FeedEvent(before + 5, "{\"n\":5}")], await feed.AfterAsync(before + 4));
        Assert.Equal(ids, heard.Select(e => e.Id).Order());
    }
}

[Collection(RedisCollection.Name)]
public sealed class FeedScriptOnRedisServerTests(ScriptServer server) : FeedScriptTests(server);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class FeedScriptOnEmbeddedStoreTests(ScriptServerOnEmbeddedStore server) : FeedScriptTests(server);

[Collection(RedisClusterCollection.Name)]
public sealed class FeedScriptOnRedisClusterTests(ScriptServerOnRedisCluster server) : FeedScriptTests(server);
