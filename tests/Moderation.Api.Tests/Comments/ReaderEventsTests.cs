using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Moderation.Api.Tests.ModerationStream;
using Moderation.Testing;

namespace Moderation.Api.Tests.Comments;

/// <summary>GET /api/readers/me/events: a reader's notices, live and replayed.</summary>
[Collection(RedisServerSiloCollection.Name)]
public sealed class ReaderEventsTests(SharedSiloOnRedisServer silo) : IAsyncLifetime
{
    private const string Events = "/api/readers/me/events";

    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_reader_hears_of_a_reply_but_not_of_their_own_and_a_held_reply_only_once_approved()
    {
        var article = CommentClient.NewArticle("notice-reply");
        using var author = await Factory.ReaderAsync("notice-author");
        using var replier = await Factory.ReaderAsync("notice-replier");
        using var troll = await Factory.ReaderAsync("notice-troll");
        using var moderator = await Factory.ModeratorAsync();
        var comment = await author.CommentAsync(article, CommentClient.Civil);
        var (stream, replayed, _) = await SseReader.OpenUntilReadyAsync(author, Events);
        await using var _stream = stream;
        Assert.Empty(replayed);

        var held = await troll.CommentAsync(article, CommentClient.Abusive, comment.Id());
        var reply = await replier.CommentAsync(article, "I agree with you about the farmers, they were very well portrayed.", comment.Id());
        var notice = await stream.NextAsync();

        Assert.Equal("reply", notice.Name);
        Assert.Equal(reply.Id(), notice.Text("commentId"));
        Assert.Equal(comment.Id(), notice.Text("parentId"));
        Assert.Equal(article, notice.Text("articleId"));
        Assert.NotNull(notice.Id);

        using (var approved = await moderator.DecideAsync(held.Id(), "approve", held.GetProperty("revision").GetInt64()))
        {
            approved.EnsureSuccessStatusCode();
        }

        var second = await stream.NextAsync();
        Assert.Equal("reply", second.Name);
        Assert.Equal(held.Id(), second.Text("commentId"));
        Assert.True(long.Parse(second.Id!) > long.Parse(notice.Id!));
    }

    [Fact]
    public async Task An_author_hears_approved_rejected_with_the_reason_and_featured_and_replays_what_they_missed()
    {
        var article = CommentClient.NewArticle("notice-decisions");
        using var author = await Factory.ReaderAsync("notice-decided");
        using var moderator = await Factory.ModeratorAsync();
        using var editor = await Factory.ReaderAsync("notice-editor", "editor");
        using (var premoderate = await moderator.SettingsAsync(article, new { premoderation = true }))
        {
            premoderate.EnsureSuccessStatusCode();
        }

        var first = await author.CommentAsync(article, CommentClient.Civil);
        var (stream, _, lastBefore) = await SseReader.OpenUntilReadyAsync(author, Events);
        await using (stream)
        {
            using (var approved = await moderator.DecideAsync(first.Id(), "approve", first.GetProperty("revision").GetInt64()))
            {
                approved.EnsureSuccessStatusCode();
            }

            var notice = await stream.NextAsync();
            Assert.Equal("approved", notice.Name);
            Assert.Equal(first.Id(), notice.Text("commentId"));
        }

        // Missed while away: a pick of the first comment, a rejection of a second one.
        (await editor.PostAsync($"/api/moderation/comments/{first.Id()}/feature", null)).EnsureSuccessStatusCode();
        (await editor.PostAsync($"/api/moderation/comments/{first.Id()}/feature", null)).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(3.1)); // the post interval
        var second = await author.CommentAsync(article, "Another calm point about the harvest and the weather this year.");
        using (var rejected = await moderator.DecideAsync(second.Id(), "reject", second.GetProperty("revision").GetInt64(), "off-topic"))
        {
            rejected.EnsureSuccessStatusCode();
        }

        var (again, replayed, last) = await SseReader.OpenUntilReadyAsync(author, Events, (lastBefore + 1).ToString());
        await using (again)
        {
            Assert.Equal(["featured", "rejected"], replayed.Select(notice => notice.Name));
            Assert.Equal(first.Id(), replayed[0].Text("commentId"));
            Assert.Equal(second.Id(), replayed[1].Text("commentId"));
            Assert.Equal("off-topic", replayed[1].Text("reason"));
            Assert.Equal(long.Parse(replayed[1].Id!), last);
        }
    }

    [Fact]
    public async Task A_ban_that_rejects_the_readers_held_comments_tells_them_and_the_moderators_of_each_rejection()
    {
        var article = CommentClient.NewArticle("notice-ban");
        using var author = await Factory.ReaderAsync($"notice-banned-{Guid.NewGuid():N}"[..24]);
        using var moderator = await Factory.ModeratorAsync();
        var held = await author.CommentAsync(article, CommentClient.Abusive);
        Assert.Equal("pending", held.GetProperty("status").GetString());
        var (notices, _, _) = await SseReader.OpenUntilReadyAsync(author, Events);
        var (moderation, _, _) = await SseReader.OpenUntilReadyAsync(moderator, "/api/moderation/events");
        await using var _notices = notices;
        await using var _moderation = moderation;

        var authorId = held.GetProperty("authorId").GetString()!;
        using (var ban = await moderator.PostAsJsonAsync($"/api/moderation/readers/{authorId}/ban", new { reason = "insults", rejectPending = true }))
        {
            ban.EnsureSuccessStatusCode();
        }

        var notice = await notices.NextAsync();
        Assert.Equal("rejected", notice.Name);
        Assert.Equal(held.Id(), notice.Text("commentId"));
        Assert.Equal("banned", notice.Text("reason"));
        var decided = await moderation.NextAboutAsync(held.Id());
        Assert.Equal("comment.decided", decided.Name);
        Assert.Equal("rejected", decided.Text("status"));
        Assert.Equal("reader.banned", (await moderation.NextAboutAsync(authorId)).Name);
    }

    [Fact]
    public async Task Editors_featuring_one_comment_at_the_same_time_tell_its_author_once()
    {
        var article = CommentClient.NewArticle("notice-picked-once");
        using var author = await Factory.ReaderAsync($"notice-picked-{Guid.NewGuid():N}"[..24]);
        using var editor = await Factory.ReaderAsync("notice-editor", "editor");
        var comment = await author.CommentAsync(article, CommentClient.Civil);
        var (stream, _, lastBefore) = await SseReader.OpenUntilReadyAsync(author, Events);
        await stream.DisposeAsync();

        var picks = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => editor.PostAsync($"/api/moderation/comments/{comment.Id()}/feature", null)));

        Assert.All(picks, pick => Assert.Equal(HttpStatusCode.OK, pick.StatusCode));
        Array.ForEach(picks, pick => pick.Dispose());
        var (again, replayed, _) = await SseReader.OpenUntilReadyAsync(author, Events, lastBefore.ToString());
        await using (again)
        {
            Assert.Equal(["featured"], replayed.Select(notice => notice.Name));
        }
    }

    [Fact]
    public async Task The_token_may_come_as_access_token_on_this_route_only_and_a_bad_last_event_id_is_400()
    {
        using var reader = await Factory.ReaderAsync("notice-query");
        var token = reader.DefaultRequestHeaders.Authorization!.Parameter!;
        using var bare = Factory.CreateClient();

        var (stream, _, last) = await SseReader.OpenUntilReadyAsync(bare, $"{Events}?access_token={token}");
        await using (stream)
        {
            Assert.True(last >= 0);
        }

        using (var elsewhere = await bare.GetAsync($"/api/readers/me/comments?access_token={token}"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        }

        using (var none = await bare.GetAsync(Events, HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, Events);
        request.Headers.Add("Last-Event-ID", "yesterday");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var bad = await bare.SendAsync(request);
        await ProblemAssert.Expect(bad, HttpStatusCode.BadRequest);
    }
}
