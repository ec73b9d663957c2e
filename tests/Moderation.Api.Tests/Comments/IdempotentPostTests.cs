using System.Net;
using System.Net.Http.Json;
using Moderation.Redis.Comments;
using Moderation.Testing;

namespace Moderation.Api.Tests.Comments;

/// <summary>Run on each store by the classes at the end of this file.</summary>
public abstract class IdempotentPostTests(SharedSilo silo) : IAsyncLifetime
{
    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_stored_comment_and_stores_nothing_new()
    {
        var article = CommentClient.NewArticle("retry");
        using var reader = await Factory.ReaderAsync("retrier");
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(reader, article, CommentClient.Civil, key);
        using var retry = await PostAsync(reader, article, CommentClient.Civil, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        var stored = await first.Content.ReadFromJsonAsync<PostedComment>();
        Assert.Equal(stored, await retry.Content.ReadFromJsonAsync<PostedComment>());
        await AssertPublishedAsync(reader, article, 1);
    }

    [Fact]
    public async Task A_retry_is_answered_even_after_the_article_closed()
    {
        var article = CommentClient.NewArticle("retry-closed");
        using var reader = await Factory.ReaderAsync("late-retrier");
        using var editor = await Factory.ReaderAsync("editor", "editor");
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(reader, article, CommentClient.Civil, key);
        (await editor.SettingsAsync(article, new { commentsOpen = false })).EnsureSuccessStatusCode();

        using var retry = await PostAsync(reader, article, CommentClient.Civil, key);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal((await first.Content.ReadFromJsonAsync<PostedComment>())!.Id, (await retry.Content.ReadFromJsonAsync<PostedComment>())!.Id);
    }

    [Fact]
    public async Task The_same_key_for_a_different_text_is_422_and_changes_nothing()
    {
        var article = CommentClient.NewArticle("reused-key");
        using var reader = await Factory.ReaderAsync("key-reuser");
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(reader, article, CommentClient.Civil, key);

        using var other = await PostAsync(reader, article, "A different comment altogether about the farmers.", key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        await AssertPublishedAsync(reader, article, 1);
    }

    [Fact]
    public async Task The_same_key_on_an_article_of_another_part_is_422_and_stores_nothing_there()
    {
        var article = CommentClient.NewArticle("key-here");
        var elsewhere = CommentClient.NewArticle("key-elsewhere");
        while (CommentParts.Hashed(elsewhere) == CommentParts.Hashed(article))
        {
            elsewhere = CommentClient.NewArticle("key-elsewhere");
        }

        using var reader = await Factory.ReaderAsync("part-hopper");
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(reader, article, CommentClient.Civil, key);

        using var other = await PostAsync(reader, elsewhere, CommentClient.Civil, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        await AssertPublishedAsync(reader, elsewhere, 0);
    }

    [Fact]
    public async Task Two_readers_may_use_the_same_key_for_their_own_comments()
    {
        var article = CommentClient.NewArticle("shared-key");
        using var alice = await Factory.ReaderAsync("alice");
        using var bob = await Factory.ReaderAsync("bob");
        const string key = "same-key-1";

        using var fromAlice = await PostAsync(alice, article, CommentClient.Civil, key);
        using var fromBob = await PostAsync(bob, article, CommentClient.Civil, key);

        Assert.Equal(HttpStatusCode.Created, fromBob.StatusCode);
        Assert.False(fromBob.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(
            (await fromAlice.Content.ReadFromJsonAsync<PostedComment>())!.Id,
            (await fromBob.Content.ReadFromJsonAsync<PostedComment>())!.Id);
        await AssertPublishedAsync(alice, article, 2);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("non-ascii-é")]
    public async Task A_malformed_key_is_400_naming_the_header(string key)
    {
        var article = CommentClient.NewArticle("bad-key");
        using var reader = await Factory.ReaderAsync("bad-key-reader");

        using var response = await PostAsync(reader, article, CommentClient.Civil, key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertPublishedAsync(reader, article, 0);
    }

    [Fact]
    public async Task A_key_longer_than_128_characters_is_400()
    {
        var article = CommentClient.NewArticle("long-key");
        using var reader = await Factory.ReaderAsync("long-key-reader");

        using var response = await PostAsync(reader, article, CommentClient.Civil, new string('k', 129));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Concurrent_posts_with_one_key_store_one_comment()
    {
        var article = CommentClient.NewArticle("concurrent-key");
        using var reader = await Factory.ReaderAsync("impatient");
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostAsync(reader, article, CommentClient.Civil, key)));

        Assert.All(responses, response => Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.TooManyRequests }));
        var ids = new HashSet<string>();
        foreach (var response in responses.Where(response => response.StatusCode == HttpStatusCode.Created))
        {
            ids.Add((await response.Content.ReadFromJsonAsync<PostedComment>())!.Id);
        }

        Assert.Single(ids);
        await AssertPublishedAsync(reader, article, 1);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient reader, string article, string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{article}/comments")
        {
            Content = JsonContent.Create(new { body }),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return reader.SendAsync(request);
    }

    private static async Task AssertPublishedAsync(HttpClient client, string article, int expected)
    {
        Assert.Equal(expected, (await client.GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());
        var thread = await client.GetJsonAsync($"/api/articles/{article}/comments?limit=100");
        Assert.Equal(expected, thread.GetProperty("items").GetArrayLength());
    }

    private sealed record PostedComment(string Id, string Body, string Status, long Revision);
}

[Collection(SiloCollection.Name)]
public sealed class IdempotentPostOnEmbeddedStoreTests(SharedSilo silo) : IdempotentPostTests(silo);

[Collection(RedisServerSiloCollection.Name)]
public sealed class IdempotentPostOnRedisServerTests(SharedSiloOnRedisServer silo) : IdempotentPostTests(silo);

[Collection(RedisClusterSiloCollection.Name)]
public sealed class IdempotentPostOnRedisClusterTests(SharedSiloOnRedisCluster silo) : IdempotentPostTests(silo);
