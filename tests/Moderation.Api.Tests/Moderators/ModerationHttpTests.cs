using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Testing;

namespace Moderation.Api.Tests.Moderators;

/// <summary>Run on each store by the classes at the end of this file.</summary>
public abstract class ModerationHttpTests(SharedSilo silo) : IAsyncLifetime
{
    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Approve_publishes_a_stale_revision_is_409_reject_unpublishes_and_the_audit_trail_has_every_step()
    {
        var article = CommentClient.NewArticle("decide");
        using var author = await Factory.ReaderAsync("decided");
        using var moderator = await Factory.ModeratorAsync();
        var held = await author.CommentAsync(article, CommentClient.Abusive);
        var id = held.Id();

        using var approve = await moderator.DecideAsync(id, "approve", revision: 1);
        using var stale = await moderator.DecideAsync(id, "reject", revision: 1, reason: "abusive");
        var afterStale = await moderator.GetJsonAsync($"/api/comments/{id}");
        using var reject = await moderator.DecideAsync(id, "reject", revision: 2, reason: "abusive");

        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal("published", (await approve.Content.ReadFromJsonAsync<JsonElement>()).Status());
        await ProblemAssert.Expect(stale, HttpStatusCode.Conflict);
        Assert.Equal("published", afterStale.Status());
        Assert.Equal(2, afterStale.GetProperty("revision").GetInt64());
        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
        var rejected = await reject.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rejected", rejected.Status());
        Assert.Equal(3, rejected.GetProperty("revision").GetInt64());
        Assert.Equal(0, (await author.GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());
        var rejectedQueue = await moderator.GetJsonAsync($"/api/moderation/queue?state=rejected&articleId={article}");
        Assert.Equal([id], rejectedQueue.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("comment").Id()));

        var audit = (await moderator.GetJsonAsync($"/api/moderation/audit?commentId={id}")).GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["reject", "approve", "hold"], audit.Select(entry => entry.GetProperty("action").GetString()));
        Assert.Equal(JsonValueKind.Null, audit[2].GetProperty("moderatorId").ValueKind);
        Assert.Equal("toxicity", audit[2].GetProperty("reason").GetString());
        Assert.Equal("pending", audit[2].GetProperty("toStatus").GetString());
        Assert.Equal(["published", "pending"], audit[..2].Select(entry => entry.GetProperty("fromStatus").GetString()));
        Assert.Equal(["rejected", "published"], audit[..2].Select(entry => entry.GetProperty("toStatus").GetString()));
        Assert.Equal("abusive", audit[0].GetProperty("reason").GetString());
        Assert.All(audit, entry => Assert.Equal(id, entry.GetProperty("commentId").GetString()));
        Assert.All(audit, entry => Assert.True(entry.GetProperty("score").GetDouble() > 0));
        Assert.All(audit[..2], entry => Assert.False(string.IsNullOrEmpty(entry.GetProperty("moderatorId").GetString())));
    }

    [Theory]
    [InlineData("""{"action":"reject","revision":1}""", "reason")]
    [InlineData("""{"action":"delete","revision":1}""", "action")]
    [InlineData("""{"action":"approve"}""", "revision")]
    [InlineData("""{"action":"reject","reason":"ugly","revision":1}""", "reason")]
    public async Task An_invalid_decision_is_400_and_changes_nothing(string body, string field)
    {
        using var author = await Factory.ReaderAsync("undecided");
        using var moderator = await Factory.ModeratorAsync();
        var held = await author.CommentAsync(CommentClient.NewArticle("invalid-decision"), CommentClient.Abusive);

        using var response = await moderator.PostAsync($"/api/moderation/comments/{held.Id()}/decision",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        var after = await moderator.GetJsonAsync($"/api/comments/{held.Id()}");
        Assert.Equal("pending", after.Status());
        Assert.Equal(1, after.GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task Moderation_needs_the_moderator_role_and_an_unknown_comment_is_404()
    {
        using var reader = await Factory.ReaderAsync("curious");
        using var moderator = await Factory.ModeratorAsync();

        using var queue = await reader.GetAsync("/api/moderation/queue");
        using var unknown = await moderator.DecideAsync("c-nothing-here", "approve", revision: 1);

        await ProblemAssert.Expect(queue, HttpStatusCode.Forbidden);
        await ProblemAssert.Expect(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Three_readers_reports_put_a_comment_in_the_reported_queue_without_unpublishing_it()
    {
        var article = CommentClient.NewArticle("reported");
        using var author = await Factory.ReaderAsync("reported-author");
        using var moderator = await Factory.ModeratorAsync();
        var comment = await author.CommentAsync(article, CommentClient.Civil);
        var reporters = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Factory.ReaderAsync($"reporter-{i}")));
        var path = $"/api/comments/{comment.Id()}/reports";

        using (var first = await reporters[0].PostAsJsonAsync(path, new { reason = "spam", note = "" }))
        using (var repeated = await reporters[0].PostAsJsonAsync(path, new { reason = "spam", note = "" }))
        using (var second = await reporters[1].PostAsJsonAsync(path, new { reason = "offensive", note = "rude" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, repeated.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        }

        var beforeThird = await moderator.GetJsonAsync($"/api/moderation/queue?state=reported&articleId={article}");
        using (var third = await reporters[2].PostAsJsonAsync(path, new { reason = "other", note = "" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, third.StatusCode);
        }

        var queue = await moderator.GetJsonAsync($"/api/moderation/queue?state=reported&articleId={article}");
        Assert.Empty(beforeThird.GetProperty("items").EnumerateArray());
        var item = Assert.Single(queue.GetProperty("items").EnumerateArray());
        Assert.Equal("published", item.GetProperty("comment").Status());
        Assert.Contains("reports", item.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["spam", "offensive", "other"], item.GetProperty("reports").EnumerateArray().Select(r => r.GetProperty("reason").GetString()));
        Assert.Equal(1, queue.GetProperty("counts").GetProperty("reported").GetInt64());
        Assert.Single((await author.GetJsonAsync($"/api/articles/{article}/comments")).GetProperty("items").EnumerateArray());
        foreach (var reporter in reporters)
        {
            reporter.Dispose();
        }
    }

    [Fact]
    public async Task A_report_with_an_unknown_reason_is_400()
    {
        using var reader = await Factory.ReaderAsync("bad-reporter");
        var comment = await reader.CommentAsync(CommentClient.NewArticle("bad-report"), CommentClient.Civil);

        using var response = await reader.PostAsJsonAsync($"/api/comments/{comment.Id()}/reports", new { reason = "boring" });

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task A_banned_reader_gets_403_their_held_comments_are_rejected_and_an_unban_lets_them_post()
    {
        var article = CommentClient.NewArticle("ban");
        using var moderator = await Factory.ModeratorAsync();
        var subject = "troll-" + Guid.NewGuid().ToString("N")[..8];
        using var troll = Factory.CreateClient().WithToken(await moderator.DevTokenAsync(subject));
        var held = await troll.CommentAsync(article, CommentClient.Abusive);

        using var ban = await moderator.PostAsJsonAsync($"/api/moderation/readers/{subject}/ban", new { reason = "abuse", rejectPending = true });
        using var refused = await troll.PostCommentAsync(article, CommentClient.Civil);

        Assert.Equal(HttpStatusCode.OK, ban.StatusCode);
        Assert.Equal(1, (await ban.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rejectedComments").GetInt32());
        await ProblemAssert.Expect(refused, HttpStatusCode.Forbidden);
        Assert.Equal("rejected", (await moderator.GetJsonAsync($"/api/comments/{held.Id()}")).Status());
        var audit = (await moderator.GetJsonAsync("/api/moderation/audit?limit=100")).GetProperty("items").EnumerateArray();
        Assert.Contains(audit, entry => entry.GetProperty("action").GetString() == "ban" && entry.GetProperty("readerId").GetString() == subject);

        using var unban = await moderator.DeleteAsync($"/api/moderation/readers/{subject}/ban");
        Assert.Equal(HttpStatusCode.NoContent, unban.StatusCode);
        await Task.Delay(3100);
        await troll.CommentAsync(article, CommentClient.Civil);
    }

    [Fact]
    public async Task The_site_wide_queue_pages_with_an_opaque_cursor_that_takes_each_held_comment_once()
    {
        using var moderator = await Factory.ModeratorAsync();
        var held = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var author = await Factory.ReaderAsync("site-wide");
            held.Add((await author.CommentAsync(CommentClient.NewArticle("site-queue"), CommentClient.Abusive)).Id());
        }

        var seen = new List<(string Id, DateTimeOffset CreatedAt)>();
        string? cursor = null;
        do
        {
            var page = await moderator.GetJsonAsync($"/api/moderation/queue?state=pending&sort=newest&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("comment"))
                .Select(comment => (comment.Id(), comment.GetProperty("createdAt").GetDateTimeOffset())));
            cursor = page.GetProperty("nextCursor").GetString();
            Assert.True(cursor is null || cursor.Split('.').Length == 16, cursor);
        }
        while (cursor is not null && seen.Count < 1000);

        Assert.Equal(seen.Count, seen.Select(item => item.Id).Distinct().Count());
        var ours = seen.Where(item => held.Contains(item.Id)).ToList();
        Assert.Equal(held.Order(), ours.Select(item => item.Id).Order());
        // Newest first; comments posted in the same millisecond (in different parts) may come in either order.
        Assert.Equal(ours.Select(item => item.CreatedAt).OrderDescending(), ours.Select(item => item.CreatedAt));
    }

    [Theory]
    [InlineData("/api/moderation/queue?state=pending&cursor=1.2.3")]
    [InlineData("/api/moderation/queue?state=pending&articleId=some-article&cursor=0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1")]
    [InlineData("/api/moderation/audit?cursor=0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.-1")]
    [InlineData("/api/moderation/audit?commentId=cAbCdEfGhIjKlMnOp-3&cursor=0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1")]
    public async Task A_cursor_this_service_did_not_hand_out_is_400(string path)
    {
        using var moderator = await Factory.ModeratorAsync();

        using var response = await moderator.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_numeric_cursor_from_before_the_parts_still_pages_the_site_wide_queue_and_audit()
    {
        using var moderator = await Factory.ModeratorAsync();

        using var queue = await moderator.GetAsync("/api/moderation/queue?state=pending&sort=oldest&cursor=5");
        using var audit = await moderator.GetAsync("/api/moderation/audit?cursor=5");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (queue.StatusCode, audit.StatusCode));
    }

    [Fact]
    public async Task The_audit_trail_pages_newest_first_without_repeats()
    {
        using var moderator = await Factory.ModeratorAsync();
        using var author = await Factory.ReaderAsync("paged");
        var held = await author.CommentAsync(CommentClient.NewArticle("audit"), CommentClient.Abusive);
        (await moderator.DecideAsync(held.Id(), "approve", 1)).Dispose();
        (await moderator.DecideAsync(held.Id(), "reject", 2, "spam")).Dispose();

        var first = await moderator.GetJsonAsync($"/api/moderation/audit?commentId={held.Id()}&limit=2");
        var second = await moderator.GetJsonAsync($"/api/moderation/audit?commentId={held.Id()}&limit=2&cursor={first.GetProperty("nextCursor").GetString()}");

        Assert.Equal(["reject", "approve"], first.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(["hold"], second.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }
}

[Collection(SiloCollection.Name)]
public sealed class ModerationHttpOnEmbeddedStoreTests(SharedSilo silo) : ModerationHttpTests(silo);

[Collection(RedisServerSiloCollection.Name)]
public sealed class ModerationHttpOnRedisServerTests(SharedSiloOnRedisServer silo) : ModerationHttpTests(silo);

[Collection(RedisClusterSiloCollection.Name)]
public sealed class ModerationHttpOnRedisClusterTests(SharedSiloOnRedisCluster silo) : ModerationHttpTests(silo);
