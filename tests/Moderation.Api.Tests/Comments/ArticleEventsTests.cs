using Moderation.Api.Tests.Polls;
using Moderation.Testing;

namespace Moderation.Api.Tests.Comments;

/// <summary>Run on each store by the classes at the end of this file.</summary>
public abstract class ArticleEventsTests(SharedSilo silo) : IAsyncLifetime
{
    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_listener_gets_the_count_then_each_published_comment_and_the_new_count()
    {
        var article = CommentClient.NewArticle("live");
        using var listenerClient = Factory.CreateClient();
        await using var events = await SseReader.OpenAsync(listenerClient, $"/api/articles/{article}/events");
        var initial = await events.NextAsync(TimeSpan.FromSeconds(5));
        using var reader = await Factory.ReaderAsync("live-reader");
        using var moderator = await Factory.ModeratorAsync();

        await reader.CommentAsync(article, CommentClient.Abusive);
        var published = await moderator.CommentAsync(article, CommentClient.Civil);
        var comment = await events.NextAsync(TimeSpan.FromSeconds(2));
        var count = await events.NextAsync(TimeSpan.FromSeconds(2));

        Assert.Equal(("count", 0), (initial.Name, initial.Data.GetProperty("count").GetInt32()));
        Assert.Equal("comment", comment.Name);
        Assert.Equal(published.Id(), comment.Data.Id());
        Assert.Equal(("count", 1), (count.Name, count.Data.GetProperty("count").GetInt32()));
        var hub = (Api.Comments.ArticleEventsHub)Factory.Services.GetService(typeof(Api.Comments.ArticleEventsHub))!;
        Assert.Equal(1, hub.ListenerCount(article));
    }
}

[Collection(SiloCollection.Name)]
public sealed class ArticleEventsOnEmbeddedStoreTests(SharedSilo silo) : ArticleEventsTests(silo);

[Collection(RedisServerSiloCollection.Name)]
public sealed class ArticleEventsOnRedisServerTests(SharedSiloOnRedisServer silo) : ArticleEventsTests(silo);

[Collection(RedisClusterSiloCollection.Name)]
public sealed class ArticleEventsOnRedisClusterTests(SharedSiloOnRedisCluster silo) : ArticleEventsTests(silo);
