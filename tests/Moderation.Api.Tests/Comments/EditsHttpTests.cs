using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Testing;

namespace Moderation.Api.Tests.Comments;

/// <summary>PATCH /api/comments/{id}; run on each store by the classes at the end of this file.</summary>
public abstract class EditsHttpTests(SharedSilo silo) : IAsyncLifetime
{
    private const string Corrected = "Thank you for this thoughtful article. The interviews with local growers were especially informative.";

    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_author_fixes_a_typo_readers_see_it_marked_edited_and_moderators_see_the_earlier_text()
    {
        var article = CommentClient.NewArticle("edit");
        using var author = await Factory.ReaderAsync("edit-author");
        using var moderator = await Factory.ModeratorAsync();
        using var anonymous = Factory.CreateClient();
        var comment = await author.CommentAsync(article, CommentClient.Civil);

        var edited = await EditAsync(author, comment.Id(), "  " + Corrected + "  ");

        Assert.Equal(Corrected, edited.GetProperty("body").GetString());
        Assert.Equal("published", edited.Status());
        Assert.True(edited.GetProperty("edited").GetBoolean());
        Assert.True(edited.GetProperty("editedAt").GetDateTimeOffset() >= comment.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(comment.GetProperty("revision").GetInt64() + 1, edited.GetProperty("revision").GetInt64());
        var publicItem = Assert.Single((await anonymous.GetJsonAsync($"/api/articles/{article}/comments")).GetProperty("items").EnumerateArray());
        Assert.Equal(Corrected, publicItem.GetProperty("body").GetString());
        Assert.True(publicItem.GetProperty("edited").GetBoolean());
        Assert.False(publicItem.TryGetProperty("versions", out _));
        Assert.False((await anonymous.GetJsonAsync($"/api/comments/{comment.Id()}")).TryGetProperty("versions", out _));
        var version = Assert.Single((await moderator.GetJsonAsync($"/api/comments/{comment.Id()}")).GetProperty("versions").EnumerateArray());
        Assert.Equal(CommentClient.Civil, version.GetProperty("body").GetString());
        Assert.Equal(comment.GetProperty("createdAt").GetDateTimeOffset(), version.GetProperty("writtenAt").GetDateTimeOffset());
        Assert.Equal(1, (await anonymous.GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());
    }

    [Fact]
    public async Task Sending_the_same_edit_again_answers_the_same_and_keeps_no_new_version()
    {
        var article = CommentClient.NewArticle("edit-retry");
        using var author = await Factory.ReaderAsync("edit-retry");
        using var moderator = await Factory.ModeratorAsync();
        var comment = await author.CommentAsync(article, CommentClient.Civil);

        var first = await EditAsync(author, comment.Id(), Corrected);
        var retried = await EditAsync(author, comment.Id(), Corrected);

        Assert.Equal(first.GetProperty("revision").GetInt64(), retried.GetProperty("revision").GetInt64());
        Assert.Equal(first.GetProperty("editedAt").GetDateTimeOffset(), retried.GetProperty("editedAt").GetDateTimeOffset());
        Assert.Single((await moderator.GetJsonAsync($"/api/comments/{comment.Id()}")).GetProperty("versions").EnumerateArray());
        using var other = await Factory.ReaderAsync("edit-retry-other");
        var unchanged = await EditAsync(other, (await other.CommentAsync(article, CommentClient.Civil)).Id(), CommentClient.Civil);
        Assert.False(unchanged.GetProperty("edited").GetBoolean());
    }

    [Fact]
    public async Task A_comment_edited_into_abuse_leaves_the_thread_and_waits_in_the_queue_with_reason_edited()
    {
        var article = CommentClient.NewArticle("edit-abuse");
        using var author = await Factory.ReaderAsync("edit-abuser");
        using var moderator = await Factory.ModeratorAsync();
        using var anonymous = Factory.CreateClient();
        var comment = await author.CommentAsync(article, CommentClient.Civil);
        using (await author.PutAsync($"/api/comments/{comment.Id()}/reaction", null))
        {
        }

        var edited = await EditAsync(author, comment.Id(), CommentClient.Abusive);

        Assert.Equal("pending", edited.Status());
        Assert.Empty((await anonymous.GetJsonAsync($"/api/articles/{article}/comments")).GetProperty("items").EnumerateArray());
        Assert.Empty((await anonymous.GetJsonAsync($"/api/articles/{article}/comments?sort=top")).GetProperty("items").EnumerateArray());
        Assert.Equal(0, (await anonymous.GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());
        using (var hidden = await anonymous.GetAsync($"/api/comments/{comment.Id()}"))
        {
            await ProblemAssert.Expect(hidden, HttpStatusCode.NotFound);
        }

        var queue = await moderator.GetJsonAsync($"/api/moderation/queue?state=pending&articleId={article}");
        var item = Assert.Single(queue.GetProperty("items").EnumerateArray());
        var reasons = item.GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString()).ToArray();
        Assert.Contains("edited", reasons);
        Assert.Contains("toxicity", reasons);
        Assert.Equal(CommentClient.Abusive, item.GetProperty("comment").GetProperty("body").GetString());
        Assert.Equal(CommentClient.Civil, Assert.Single(item.GetProperty("comment").GetProperty("versions").EnumerateArray()).GetProperty("body").GetString());
        var audit = await moderator.GetJsonAsync($"/api/moderation/audit?commentId={comment.Id()}");
        var record = audit.GetProperty("items")[0];
        Assert.Equal("edit", record.GetProperty("action").GetString());
        Assert.Equal("published", record.GetProperty("fromStatus").GetString());
        Assert.Equal("pending", record.GetProperty("toStatus").GetString());

        using (var approved = await moderator.DecideAsync(comment.Id(), "approve", edited.GetProperty("revision").GetInt64()))
        {
            approved.EnsureSuccessStatusCode();
        }

        Assert.Equal(1, (await anonymous.GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());
        Assert.Single((await anonymous.GetJsonAsync($"/api/articles/{article}/comments?sort=top")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_held_comment_edited_stays_held_with_its_reasons_and_edited()
    {
        var article = CommentClient.NewArticle("edit-held");
        using var author = await Factory.ReaderAsync("edit-held");
        using var moderator = await Factory.ModeratorAsync();
        var held = await author.CommentAsync(article, CommentClient.Abusive);
        Assert.Equal("pending", held.Status());

        var edited = await EditAsync(author, held.Id(), CommentClient.Civil);

        Assert.Equal("pending", edited.Status());
        var item = Assert.Single((await moderator.GetJsonAsync($"/api/moderation/queue?state=pending&articleId={article}")).GetProperty("items").EnumerateArray());
        var reasons = item.GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString()).ToArray();
        Assert.Contains("toxicity", reasons);
        Assert.Contains("edited", reasons);
    }

    [Fact]
    public async Task Another_reader_is_403_a_banned_author_403_and_unknown_or_hidden_comments_404()
    {
        var article = CommentClient.NewArticle("edit-refused");
        using var author = await Factory.ReaderAsync("edit-owner");
        using var troll = await Factory.ReaderAsync("edit-troll");
        using var other = await Factory.ReaderAsync("edit-other");
        using var moderator = await Factory.ModeratorAsync();
        var comment = await author.CommentAsync(article, CommentClient.Civil);
        var held = await troll.CommentAsync(article, CommentClient.Abusive);

        await ExpectAsync(other, comment.Id(), Corrected, HttpStatusCode.Forbidden);
        await ExpectAsync(moderator, comment.Id(), Corrected, HttpStatusCode.Forbidden);
        await ExpectAsync(other, held.Id(), Corrected, HttpStatusCode.NotFound);
        await ExpectAsync(other, "c0000000000000000-1", Corrected, HttpStatusCode.NotFound);
        await ExpectAsync(other, "not!an!id", Corrected, HttpStatusCode.NotFound);

        var subject = $"edit-banned-{Guid.NewGuid():N}"[..24];
        using var banned = Factory.CreateClient();
        banned.WithToken(await banned.DevTokenAsync(subject, []));
        var own = await banned.CommentAsync(article, "A fair point about the harvest, and well argued.");
        (await moderator.PostAsJsonAsync($"/api/moderation/readers/{subject}/ban", new { reason = "abuse" })).EnsureSuccessStatusCode();
        await ExpectAsync(banned, own.Id(), Corrected, HttpStatusCode.Forbidden);

        using var anonymous = Factory.CreateClient();
        using (var unauthorised = await anonymous.PatchAsJsonAsync($"/api/comments/{comment.Id()}", new { body = Corrected }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        }

        Assert.Equal(CommentClient.Civil, (await author.GetJsonAsync($"/api/comments/{comment.Id()}")).GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_bad_body_is_400_and_a_deleted_or_rejected_comment_409_each_changing_nothing()
    {
        var article = CommentClient.NewArticle("edit-bad");
        using var author = await Factory.ReaderAsync("edit-bad");
        using var moderator = await Factory.ModeratorAsync();
        var comment = await author.CommentAsync(article, CommentClient.Civil);

        await ExpectAsync(author, comment.Id(), "   ", HttpStatusCode.BadRequest);
        await ExpectAsync(author, comment.Id(), new string('a', 5001), HttpStatusCode.BadRequest);
        await ExpectAsync(author, comment.Id(), "bell\u0007", HttpStatusCode.BadRequest);
        using (var missing = await author.PatchAsJsonAsync($"/api/comments/{comment.Id()}", new { }))
        {
            await ProblemAssert.Expect(missing, HttpStatusCode.BadRequest);
        }

        using var troll = await Factory.ReaderAsync("edit-rejected");
        var rejected = await troll.CommentAsync(article, CommentClient.Abusive);
        using (var decided = await moderator.DecideAsync(rejected.Id(), "reject", rejected.GetProperty("revision").GetInt64(), "abusive"))
        {
            decided.EnsureSuccessStatusCode();
        }

        await ExpectAsync(troll, rejected.Id(), Corrected, HttpStatusCode.Conflict);
        (await author.DeleteAsync($"/api/comments/{comment.Id()}")).EnsureSuccessStatusCode();
        await ExpectAsync(author, comment.Id(), Corrected, HttpStatusCode.Conflict);
        Assert.Equal("", (await author.GetJsonAsync($"/api/comments/{comment.Id()}")).GetProperty("body").GetString());
    }

    internal static async Task<JsonElement> EditAsync(HttpClient author, string commentId, string body)
    {
        using var response = await author.PatchAsJsonAsync($"/api/comments/{commentId}", new { body });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task ExpectAsync(HttpClient client, string commentId, string body, HttpStatusCode status)
    {
        using var response = await client.PatchAsJsonAsync($"/api/comments/{commentId}", new { body });
        await ProblemAssert.Expect(response, status);
    }
}

[Collection(SiloCollection.Name)]
public sealed class EditsHttpOnEmbeddedStoreTests(SharedSilo silo) : EditsHttpTests(silo);

[Collection(RedisServerSiloCollection.Name)]
public sealed class EditsHttpOnRedisServerTests(SharedSiloOnRedisServer silo) : EditsHttpTests(silo);

[Collection(RedisClusterSiloCollection.Name)]
public sealed class EditsHttpOnRedisClusterTests(SharedSiloOnRedisCluster silo) : EditsHttpTests(silo);

/// <summary>An edit after the window, on a service whose window is zero.</summary>
public sealed class EditWindowTests
{
    [Fact]
    public async Task An_edit_after_the_window_is_409_and_changes_nothing_though_the_same_text_still_answers_200()
    {
        await using var factory = new SiloFactory(settings: new Dictionary<string, string?> { ["Comments:EditWindow"] = "00:00:00" });
        await factory.WaitUntilReadyAsync();
        var article = CommentClient.NewArticle("edit-late");
        using var author = await factory.ReaderAsync("edit-late");
        var comment = await author.CommentAsync(article, CommentClient.Civil);

        using (var late = await author.PatchAsJsonAsync($"/api/comments/{comment.Id()}", new { body = "A corrected text." }))
        {
            await ProblemAssert.Expect(late, HttpStatusCode.Conflict);
        }

        var same = await EditsHttpTests.EditAsync(author, comment.Id(), CommentClient.Civil);
        Assert.False(same.GetProperty("edited").GetBoolean());
        Assert.Equal(CommentClient.Civil, (await author.GetJsonAsync($"/api/comments/{comment.Id()}")).GetProperty("body").GetString());
    }
}
