using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts.Comments;
using Moderation.Redis.Comments;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Comments;

/// <summary>Run on each store by the classes at the end of this file.</summary>
public abstract class CommentRecountTests(SharedSilo silo) : IAsyncLifetime
{
    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_recount_puts_right_a_drifted_published_count_and_reply_count_from_the_comments_themselves()
    {
        var article = CommentClient.NewArticle("recount");
        using var editor = await Factory.ReaderAsync("recount-editor", "editor");
        var parent = await (await Factory.ReaderAsync("a")).CommentAsync(article, CommentClient.Civil);
        await (await Factory.ReaderAsync("b")).CommentAsync(article, CommentClient.Civil, parent.Id());
        await (await Factory.ReaderAsync("c")).CommentAsync(article, CommentClient.Civil, parent.Id());
        await (await Factory.ReaderAsync("d")).CommentAsync(article, CommentClient.Abusive);
        var redis = Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        await redis.HashSetAsync(CommentRedisKeys.Counts(CommentParts.Hashed(article), article), "published", 41);
        await redis.HashSetAsync(CommentRedisKeys.Comment(parent.Id()), "replyCount", 7);

        var report = await RecountAsync(editor, article);
        var again = await RecountAsync(editor, article);

        Assert.Equal((4, 41, 3, 1), (Int(report, "commentsScanned"), Int(report, "publishedBefore"), Int(report, "published"), Int(report, "replyCountsCorrected")));
        Assert.Equal(3, (await editor.GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());
        var thread = await editor.GetJsonAsync($"/api/articles/{article}/comments");
        Assert.Equal(2, Assert.Single(thread.GetProperty("items").EnumerateArray()).GetProperty("replyCount").GetInt32());
        Assert.Equal((3, 3, 0), (Int(again, "publishedBefore"), Int(again, "published"), Int(again, "replyCountsCorrected")));
    }

    [Fact]
    public async Task A_deleted_or_rejected_comment_is_not_counted()
    {
        var article = CommentClient.NewArticle("recount-gone");
        using var moderator = await Factory.ModeratorAsync();
        using var author = await Factory.ReaderAsync("gone-author");
        var deleted = await author.CommentAsync(article, CommentClient.Civil);
        (await author.DeleteAsync($"/api/comments/{deleted.Id()}")).EnsureSuccessStatusCode();
        var rejected = await (await Factory.ReaderAsync("e")).CommentAsync(article, CommentClient.Civil);
        (await moderator.DecideAsync(rejected.Id(), "reject", rejected.GetProperty("revision").GetInt64(), "spam")).EnsureSuccessStatusCode();
        await (await Factory.ReaderAsync("f")).CommentAsync(article, CommentClient.Civil);

        var report = await RecountAsync(moderator, article);

        Assert.Equal((3, 1, 1), (Int(report, "commentsScanned"), Int(report, "publishedBefore"), Int(report, "published")));
    }

    [Fact]
    public async Task Only_moderators_and_editors_may_recount()
    {
        using var reader = await Factory.ReaderAsync("recount-reader");

        using var response = await reader.PostAsync($"/api/articles/{CommentClient.NewArticle("recount-denied")}/recount", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<JsonElement> RecountAsync(HttpClient client, string article)
    {
        using var response = await client.PostAsync($"/api/articles/{article}/recount", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static int Int(JsonElement report, string name) => report.GetProperty(name).GetInt32();
}

[Collection(SiloCollection.Name)]
public sealed class CommentRecountOnEmbeddedStoreTests(SharedSilo silo) : CommentRecountTests(silo);

[Collection(RedisServerSiloCollection.Name)]
public sealed class CommentRecountOnRedisServerTests(SharedSiloOnRedisServer silo) : CommentRecountTests(silo);

[Collection(RedisClusterSiloCollection.Name)]
public sealed class CommentRecountOnRedisClusterTests(SharedSiloOnRedisCluster silo) : CommentRecountTests(silo);
