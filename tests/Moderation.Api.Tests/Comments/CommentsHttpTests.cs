using System.Net;
using System.Text.Json;
using Moderation.Testing;

namespace Moderation.Api.Tests.Comments;

/// <summary>Run on each store by the classes at the end of this file.</summary>
public abstract class CommentsHttpTests(SharedSilo silo) : IAsyncLifetime
{
    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_civil_comment_is_published_listed_and_counted()
    {
        var article = CommentClient.NewArticle("clean");
        using var reader = await Factory.ReaderAsync("clean-reader");

        var comment = await reader.CommentAsync(article, "  " + CommentClient.Civil + "  ");

        Assert.Equal("published", comment.Status());
        Assert.Equal(CommentClient.Civil, comment.GetProperty("body").GetString());
        Assert.Equal(article, comment.GetProperty("articleId").GetString());
        Assert.Equal(JsonValueKind.Null, comment.GetProperty("parentId").ValueKind);
        Assert.Equal(1, comment.GetProperty("revision").GetInt64());
        var thread = await reader.GetJsonAsync($"/api/articles/{article}/comments");
        var item = Assert.Single(thread.GetProperty("items").EnumerateArray());
        Assert.Equal(comment.Id(), item.Id());
        Assert.Equal(0, item.GetProperty("replyCount").GetInt64());
        Assert.Equal(JsonValueKind.Null, thread.GetProperty("nextCursor").ValueKind);
        Assert.Equal(1, (await reader.GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());
    }

    [Fact]
    public async Task An_abusive_comment_is_pending_with_reason_toxicity_and_only_its_author_and_moderators_see_it()
    {
        var article = CommentClient.NewArticle("toxic");
        using var author = await Factory.ReaderAsync("toxic-author");
        using var other = await Factory.ReaderAsync("other-reader");
        using var moderator = await Factory.ModeratorAsync();

        var comment = await author.CommentAsync(article, CommentClient.Abusive);

        Assert.Equal("pending", comment.Status());
        var path = $"/api/comments/{comment.Id()}";
        Assert.Equal("pending", (await author.GetJsonAsync(path)).Status());
        Assert.Equal("pending", (await moderator.GetJsonAsync(path)).Status());
        using (var hidden = await other.GetAsync(path))
        {
            await ProblemAssert.Expect(hidden, HttpStatusCode.NotFound);
        }

        using (var anonymous = Factory.CreateClient())
        using (var hidden = await anonymous.GetAsync(path))
        {
            await ProblemAssert.Expect(hidden, HttpStatusCode.NotFound);
        }

        var queue = await moderator.GetJsonAsync($"/api/moderation/queue?state=pending&articleId={article}");
        var item = Assert.Single(queue.GetProperty("items").EnumerateArray());
        Assert.Equal(comment.Id(), item.GetProperty("comment").Id());
        Assert.Contains("toxicity", item.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.True(item.GetProperty("score").GetDouble() >= 0.5);
        Assert.NotEmpty(item.GetProperty("explanation").EnumerateArray());
        Assert.Equal(1, queue.GetProperty("counts").GetProperty("pending").GetInt64());
        Assert.Empty((await other.GetJsonAsync($"/api/articles/{article}/comments")).GetProperty("items").EnumerateArray());
        Assert.Equal(0, (await other.GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());
    }

    [Fact]
    public async Task Under_premoderation_a_civil_comment_waits_with_reason_premoderation()
    {
        var article = CommentClient.NewArticle("premod");
        using var moderator = await Factory.ModeratorAsync();
        (await moderator.SettingsAsync(article, new { premoderation = true })).EnsureSuccessStatusCode();
        using var reader = await Factory.ReaderAsync("premod-reader");

        var comment = await reader.CommentAsync(article, CommentClient.Civil);

        Assert.Equal("pending", comment.Status());
        var queue = await moderator.GetJsonAsync($"/api/moderation/queue?articleId={article}&sort=oldest");
        var item = Assert.Single(queue.GetProperty("items").EnumerateArray());
        Assert.Equal(["premoderation"], item.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_closed_article_is_409_and_stores_nothing()
    {
        var article = CommentClient.NewArticle("closed");
        using var moderator = await Factory.ModeratorAsync();
        (await moderator.SettingsAsync(article, new { commentsOpen = false })).EnsureSuccessStatusCode();
        using var reader = await Factory.ReaderAsync("late-reader");

        using var response = await reader.PostCommentAsync(article, CommentClient.Civil);

        await ProblemAssert.Expect(response, HttpStatusCode.Conflict);
        Assert.Empty((await reader.GetJsonAsync($"/api/articles/{article}/comments")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_second_post_within_the_interval_is_429_with_retry_after()
    {
        var article = CommentClient.NewArticle("rate");
        using var reader = await Factory.ReaderAsync("hasty");
        await reader.CommentAsync(article, CommentClient.Civil);

        using var response = await reader.PostCommentAsync(article, "And another thing.");

        await ProblemAssert.Expect(response, (HttpStatusCode)429);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 3);
        Assert.Single((await reader.GetJsonAsync($"/api/articles/{article}/comments")).GetProperty("items").EnumerateArray());
    }

    public static TheoryData<string, string> InvalidPosts => new()
    {
        { """{"body":""}""", "body" },
        { """{"body":"   "}""", "body" },
        { """{"body":"bell\u0007"}""", "body" },
        { $$"""{"body":"{{new string('x', 5001)}}"}""", "body" },
        { """{"body":"fine","parentId":"c-not-there"}""", "parentId" },
        { """{"body":"fine","parentId":"bad id!"}""", "parentId" },
    };

    [Theory]
    [MemberData(nameof(InvalidPosts))]
    public async Task Invalid_input_is_400_naming_the_field_and_does_not_use_up_the_interval(string body, string field)
    {
        var article = CommentClient.NewArticle("invalid");
        using var reader = await Factory.ReaderAsync("careless");

        using var response = await reader.PostAsync($"/api/articles/{article}/comments",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        await reader.CommentAsync(article, CommentClient.Civil);
    }

    [Fact]
    public async Task A_body_with_newlines_and_tabs_is_fine()
    {
        using var reader = await Factory.ReaderAsync("multiline");

        var comment = await reader.CommentAsync(CommentClient.NewArticle("lines"), "First line.\n\tSecond line.");

        Assert.Equal("First line.\n\tSecond line.", comment.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Posting_needs_a_reader_token()
    {
        using var anonymous = Factory.CreateClient();

        using var response = await anonymous.PostCommentAsync(CommentClient.NewArticle("auth"), CommentClient.Civil);

        await ProblemAssert.Expect(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Replies_are_listed_under_their_parent_with_the_reply_count()
    {
        var article = CommentClient.NewArticle("replies");
        using var first = await Factory.ReaderAsync("opener");
        using var second = await Factory.ReaderAsync("replier");
        var top = await first.CommentAsync(article, CommentClient.Civil);

        var reply = await second.CommentAsync(article, "I agree with you entirely.", top.Id());

        Assert.Equal(top.Id(), reply.GetProperty("parentId").GetString());
        var replies = await first.GetJsonAsync($"/api/comments/{top.Id()}/replies");
        Assert.Equal([reply.Id()], replies.GetProperty("items").EnumerateArray().Select(c => c.Id()));
        var thread = await first.GetJsonAsync($"/api/articles/{article}/comments?sort=oldest");
        Assert.Equal(1, Assert.Single(thread.GetProperty("items").EnumerateArray()).GetProperty("replyCount").GetInt64());
    }

    [Fact]
    public async Task Deleting_keeps_the_place_marked_deleted_and_only_the_author_or_a_moderator_may()
    {
        var article = CommentClient.NewArticle("delete");
        using var author = await Factory.ReaderAsync("deleter");
        using var stranger = await Factory.ReaderAsync("stranger");
        var comment = await author.CommentAsync(article, CommentClient.Civil);

        using var refused = await stranger.DeleteAsync($"/api/comments/{comment.Id()}");
        using var deleted = await author.DeleteAsync($"/api/comments/{comment.Id()}");

        await ProblemAssert.Expect(refused, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var item = Assert.Single((await stranger.GetJsonAsync($"/api/articles/{article}/comments?limit=5")).GetProperty("items").EnumerateArray());
        Assert.True(item.GetProperty("deleted").GetBoolean());
        Assert.Equal("", item.GetProperty("body").GetString());
        Assert.Equal(0, (await stranger.GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=101")]
    [InlineData("?sort=best")]
    [InlineData("?cursor=abc")]
    public async Task A_bad_page_query_is_400(string query)
    {
        using var client = Factory.CreateClient();

        using var response = await client.GetAsync($"/api/articles/{CommentClient.NewArticle("query")}/comments{query}");

        await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Fifty_concurrent_posts_to_one_article_all_land_and_page_through_once_each()
    {
        var article = CommentClient.NewArticle("crowd");
        var readers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Factory.ReaderAsync($"crowd-{i}")));
        try
        {
            var posted = await Task.WhenAll(readers.Select((reader, i) => reader.CommentAsync(article, $"Comment number {i}: {CommentClient.Civil}")));

            var seen = new List<string>();
            string? cursor = null;
            do
            {
                var page = await readers[0].GetJsonAsync($"/api/articles/{article}/comments?sort=newest&limit=15" + (cursor is null ? "" : $"&cursor={cursor}"));
                seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.Id()));
                cursor = page.GetProperty("nextCursor").GetString();
            }
            while (cursor is not null);

            Assert.All(posted, comment => Assert.Equal("published", comment.Status()));
            Assert.Equal(posted.Select(c => c.Id()).Order(), seen.Order());
            Assert.Equal(50, seen.Distinct().Count());
            Assert.Equal(50, (await readers[0].GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }
}

[Collection(SiloCollection.Name)]
public sealed class CommentsHttpOnEmbeddedStoreTests(SharedSilo silo) : CommentsHttpTests(silo);

[Collection(RedisServerSiloCollection.Name)]
public sealed class CommentsHttpOnRedisServerTests(SharedSiloOnRedisServer silo) : CommentsHttpTests(silo);

[Collection(RedisClusterSiloCollection.Name)]
public sealed class CommentsHttpOnRedisClusterTests(SharedSiloOnRedisCluster silo) : CommentsHttpTests(silo);
