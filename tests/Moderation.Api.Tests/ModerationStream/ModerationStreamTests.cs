using System.Net;
using System.Net.Http.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Testing;

namespace Moderation.Api.Tests.ModerationStream;

/// <summary>The live moderation stream over HTTP. Run on each store by the classes at the end of this file.</summary>
public abstract class ModerationStreamTests(SharedSilo silo) : IAsyncLifetime
{
    private const string ModerationEvents = "/api/moderation/events";

    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_moderators_see_a_hold_a_report_a_decision_with_who_made_it_and_a_ban_in_order_with_growing_ids()
    {
        using var first = await Factory.ModeratorAsync();
        using var second = await Factory.ModeratorAsync();
        var (mia, _, _) = await SseReader.OpenUntilReadyAsync(first, ModerationEvents);
        var (noah, _, _) = await SseReader.OpenUntilReadyAsync(second, ModerationEvents);
        await using var _ = mia;
        await using var __ = noah;
        var article = CommentClient.NewArticle("stream");
        using var author = await Factory.ReaderAsync("streamed");
        using var reporter = await Factory.ReaderAsync("reporter");
        using var civilAuthor = await Factory.ReaderAsync("civil");

        var held = await author.CommentAsync(article, CommentClient.Abusive);
        var published = await civilAuthor.CommentAsync(article, CommentClient.Civil);
        using (await reporter.PostAsJsonAsync($"/api/comments/{published.Id()}/reports", new { reason = "spam", note = "" }))
        {
        }

        using (await first.DecideAsync(held.Id(), "reject", revision: 1, reason: "abusive"))
        {
        }

        var authorId = held.GetProperty("authorId").GetString()!;
        using (await first.PostAsJsonAsync($"/api/moderation/readers/{authorId}/ban", new { reason = "insults", rejectPending = true }))
        {
        }

        foreach (var stream in new[] { mia, noah })
        {
            var hold = await stream.NextAboutAsync(held.Id());
            var report = await stream.NextAboutAsync(published.Id());
            var decision = await stream.NextAboutAsync(held.Id());
            var ban = await stream.NextAboutAsync(authorId);

            Assert.Equal(["comment.held", "comment.reported", "comment.decided", "reader.banned"], new[] { hold, report, decision, ban }.Select(e => e.Name));
            Assert.Equal("pending", hold.Text("status"));
            Assert.Contains("toxicity", hold.Data.GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString()));
            Assert.Equal("spam", report.Text("reason"));
            Assert.Equal("reject", decision.Text("action"));
            Assert.Equal("rejected", decision.Text("status"));
            Assert.Equal(2, decision.Data.GetProperty("revision").GetInt64());
            Assert.StartsWith("mod-", decision.Text("by"));
            Assert.Equal(decision.Text("by"), ban.Text("by"));
            Assert.Equal(0, ban.Data.GetProperty("rejectedComments").GetInt32());
            var ids = new[] { hold, report, decision, ban }.Select(e => long.Parse(e.Id!)).ToArray();
            Assert.Equal(ids.Order(), ids);
            Assert.Equal(4, ids.Distinct().Count());
        }
    }

    [Fact]
    public async Task A_moderator_who_reconnects_with_the_last_event_id_gets_what_came_after_it()
    {
        using var moderator = await Factory.ModeratorAsync();
        var (stream, _, _) = await SseReader.OpenUntilReadyAsync(moderator, ModerationEvents);
        var article = CommentClient.NewArticle("stream-resume");
        using var firstAuthor = await Factory.ReaderAsync("resume-1");
        using var secondAuthor = await Factory.ReaderAsync("resume-2");
        var firstHeld = await firstAuthor.CommentAsync(article, CommentClient.Abusive);
        var seen = await stream.NextAboutAsync(firstHeld.Id());
        await stream.DisposeAsync();

        var secondHeld = await secondAuthor.CommentAsync(article, CommentClient.Abusive);
        var (resumed, replayed, lastEventId) = await SseReader.OpenUntilReadyAsync(moderator, ModerationEvents, seen.Id);
        await using var _ = resumed;

        var missed = Assert.Single(replayed, e => e.Subject == secondHeld.Id());
        Assert.DoesNotContain(replayed, e => e.Subject == firstHeld.Id());
        Assert.True(long.Parse(missed.Id!) > long.Parse(seen.Id!));
        Assert.True(lastEventId >= long.Parse(missed.Id!));
    }

    [Fact]
    public async Task A_malformed_last_event_id_is_400_and_the_stream_needs_the_moderator_role()
    {
        using var moderator = await Factory.ModeratorAsync();
        using var editor = await Factory.ReaderAsync("editor", "editor");
        using var anonymous = Factory.CreateClient();

        using var malformed = await moderator.GetAsync("/api/moderation/events?lastEventId=abc", HttpCompletionOption.ResponseHeadersRead);
        using var byEditor = await editor.GetAsync("/api/moderation/events", HttpCompletionOption.ResponseHeadersRead);
        using var byNobody = await anonymous.GetAsync("/api/moderation/events", HttpCompletionOption.ResponseHeadersRead);

        var problem = await ProblemAssert.Expect(malformed, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("lastEventId", out _));
        Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byNobody.StatusCode);
    }
}

[Collection(SiloCollection.Name)]
public sealed class ModerationStreamOnEmbeddedStoreTests(SharedSilo silo) : ModerationStreamTests(silo);

[Collection(RedisServerSiloCollection.Name)]
public sealed class ModerationStreamOnRedisServerTests(SharedSiloOnRedisServer silo) : ModerationStreamTests(silo);
