using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Redis.Comments;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Comments;

/// <summary>Posts stored in batches per part, through HTTP: concurrent posts and a batch the store refuses. Run on each store below.</summary>
public abstract class BatchedPostTests(SharedSilo silo) : IAsyncLifetime
{
    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Concurrent_posts_by_many_readers_to_a_few_articles_are_each_acknowledged_counted_and_listed_once()
    {
        var articles = Enumerable.Range(0, 3).Select(_ => CommentClient.NewArticle("batched")).ToArray();
        var readers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => Factory.ReaderAsync($"batched-{i}")));

        var posted = await Task.WhenAll(readers.Select((reader, i) => reader.CommentAsync(articles[i % 3], $"{CommentClient.Civil} Reader {i}.")));

        Assert.Equal(60, posted.Select(comment => comment.GetProperty("id").GetString()).Distinct().Count());
        foreach (var article in articles)
        {
            Assert.Equal(20, (await readers[0].GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());
            var thread = await readers[0].GetJsonAsync($"/api/articles/{article}/comments?limit=100&sort=oldest");
            var expected = posted.Where(comment => comment.GetProperty("articleId").GetString() == article)
                .Select(comment => comment.GetProperty("id").GetString()).ToHashSet();
            Assert.Equal(expected, thread.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()).ToHashSet());
        }

        foreach (var reader in readers)
        {
            reader.Dispose();
        }
    }

    [Fact]
    public async Task A_post_whose_batch_the_store_refuses_is_503_stores_nothing_and_its_retry_succeeds_once_the_store_recovers()
    {
        var article = CommentClient.NewArticle("refused-batch");
        var part = CommentParts.Hashed(article);
        var redis = Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        using var reader = await Factory.ReaderAsync("refused");
        var key = Guid.NewGuid().ToString();
        // The gate never reads the thread version, and the batch's INCRBY of it comes before its indexes and hashes.
        await redis.StringSetAsync(CommentRedisKeys.ThreadVersion(part, article), "not a number");

        using var refused = await PostAsync(reader, article, key);
        var storedAfterRefusal = await redis.SortedSetLengthAsync(CommentRedisKeys.Comments(part, article));
        await redis.KeyDeleteAsync(CommentRedisKeys.ThreadVersion(part, article));
        using var retry = await PostAsync(reader, article, key);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, storedAfterRefusal);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.False(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, (await reader.GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient reader, string article, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{article}/comments")
        {
            Content = JsonContent.Create(new { body = CommentClient.Civil }),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return reader.SendAsync(request);
    }
}

[Collection(SiloCollection.Name)]
public sealed class BatchedPostOnEmbeddedStoreTests(SharedSilo silo) : BatchedPostTests(silo);

[Collection(RedisServerSiloCollection.Name)]
public sealed class BatchedPostOnRedisServerTests(SharedSiloOnRedisServer silo) : BatchedPostTests(silo);
