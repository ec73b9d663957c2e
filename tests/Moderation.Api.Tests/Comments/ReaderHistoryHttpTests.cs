using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Testing;

namespace Moderation.Api.Tests.Comments;

/// <summary>A reader's own comments and a moderator's view of an author; run on each store by the classes at the end of this file.</summary>
public abstract class ReaderHistoryHttpTests(SharedSilo silo) : IAsyncLifetime
{
    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_reader_sees_every_own_comment_newest_first_with_its_status_and_the_reason_of_a_rejection()
    {
        var subject = $"own-{Guid.NewGuid():N}"[..20];
        using var author = Factory.CreateClient();
        author.WithToken(await author.DevTokenAsync(subject, []));
        using var moderator = await Factory.ModeratorAsync();
        using var other = await Factory.ReaderAsync("own-other");
        var published = await author.CommentAsync(CommentClient.NewArticle("own-a"), CommentClient.Civil);
        await Task.Delay(TimeSpan.FromSeconds(3.1)); // the post interval between one reader's comments
        var held = await author.CommentAsync(CommentClient.NewArticle("own-b"), CommentClient.Abusive);
        (await moderator.DecideAsync(held.Id(), "reject", 1, "abusive")).EnsureSuccessStatusCode();
        await other.CommentAsync(CommentClient.NewArticle("own-c"), CommentClient.Civil);

        var first = await author.GetJsonAsync("/api/readers/me/comments?limit=1");
        var second = await author.GetJsonAsync($"/api/readers/me/comments?limit=1&cursor={first.GetProperty("nextCursor").GetString()}");

        var newest = Assert.Single(first.GetProperty("items").EnumerateArray());
        Assert.Equal(held.Id(), newest.GetProperty("comment").Id());
        Assert.Equal("rejected", newest.GetProperty("comment").Status());
        Assert.Equal("abusive", newest.GetProperty("rejectionReason").GetString());
        var oldest = Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.Equal(published.Id(), oldest.GetProperty("comment").Id());
        Assert.Equal(JsonValueKind.Null, oldest.GetProperty("rejectionReason").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);

        using var badCursor = await author.GetAsync("/api/readers/me/comments?cursor=not-a-cursor");
        await ProblemAssert.Expect(badCursor, HttpStatusCode.BadRequest);
        using var anonymous = Factory.CreateClient();
        using var unauthorised = await anonymous.GetAsync("/api/readers/me/comments");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
    }

    [Fact]
    public async Task A_moderator_sees_an_authors_standing_counts_and_latest_comments_and_the_queue_links_to_them()
    {
        var subject = $"history-{Guid.NewGuid():N}"[..24];
        using var author = Factory.CreateClient();
        author.WithToken(await author.DevTokenAsync(subject, []));
        using var moderator = await Factory.ModeratorAsync();
        var article = CommentClient.NewArticle("history");
        var held = await author.CommentAsync(article, CommentClient.Abusive);

        var queue = await moderator.GetJsonAsync($"/api/moderation/queue?state=pending&articleId={article}");
        var link = queue.GetProperty("items")[0].GetProperty("authorHistory").GetString();
        (await moderator.PostAsJsonAsync($"/api/moderation/readers/{subject}/ban", new { reason = "abuse" })).EnsureSuccessStatusCode();
        var history = await moderator.GetJsonAsync(link!);

        Assert.Equal($"/api/moderation/readers/{subject}", link);
        Assert.Equal(subject, history.GetProperty("readerId").GetString());
        Assert.True(history.GetProperty("standing").GetProperty("banned").GetBoolean());
        Assert.Equal("abuse", history.GetProperty("standing").GetProperty("reason").GetString());
        Assert.NotEqual(JsonValueKind.Null, history.GetProperty("standing").GetProperty("since").ValueKind);
        Assert.Equal(1, history.GetProperty("counts").GetProperty("pending").GetInt64());
        Assert.Equal(0, history.GetProperty("counts").GetProperty("published").GetInt64());
        Assert.Equal(held.Id(), history.GetProperty("latest")[0].GetProperty("comment").Id());

        using var reader = await Factory.ReaderAsync("history-reader");
        using var forbidden = await reader.GetAsync(link);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }
}

[Collection(SiloCollection.Name)]
public sealed class ReaderHistoryHttpOnEmbeddedStoreTests(SharedSilo silo) : ReaderHistoryHttpTests(silo);

[Collection(RedisServerSiloCollection.Name)]
public sealed class ReaderHistoryHttpOnRedisServerTests(SharedSiloOnRedisServer silo) : ReaderHistoryHttpTests(silo);

[Collection(RedisClusterSiloCollection.Name)]
public sealed class ReaderHistoryHttpOnRedisClusterTests(SharedSiloOnRedisCluster silo) : ReaderHistoryHttpTests(silo);
