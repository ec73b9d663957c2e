using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Api.Tests.Polls;
using Moderation.Testing;

namespace Moderation.Api.Tests.Readers;

/// <summary>A reader's export and erasure through the HTTP API, checked key by key in the store afterwards; run on each store by the classes at the end of this file.</summary>
public abstract class ReaderErasureTests(ReaderRightsSilo silo)
{
    private SiloFactory Factory => silo.Factory;

    [Fact]
    public async Task An_erased_reader_who_voted_commented_replied_reacted_reported_and_was_decided_on_leaves_no_trace_and_every_count_stays_exact()
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        var scene = await Scene.CreateAsync(Factory, tag);
        var exported = await scene.Erasee.GetJsonAsync("/api/readers/me/export");
        Assert.Equal(scene.EraseeId, exported.GetProperty("readerId").GetString());
        Assert.Equal(3, exported.GetProperty("comments").GetArrayLength());
        Assert.Contains(exported.GetProperty("comments").EnumerateArray(), comment => comment.GetProperty("body").GetString() == scene.TopText);
        var decided = exported.GetProperty("comments").EnumerateArray().Single(comment => comment.GetProperty("id").GetString() == scene.RejectedId);
        Assert.Contains(decided.GetProperty("decisions").EnumerateArray(), decision => decision.GetProperty("action").GetString() == "reject");
        Assert.Equal(JsonValueKind.True, Assert.Single(decided.GetProperty("labels").EnumerateArray()).GetProperty("toxic").ValueKind);
        Assert.Equal("o1", Assert.Single(exported.GetProperty("votes").EnumerateArray()).GetProperty("optionId").GetString());
        Assert.Equal(scene.OthersCommentId, Assert.Single(exported.GetProperty("reactions").EnumerateArray()).GetString());
        Assert.Equal(scene.ReportNote, Assert.Single(exported.GetProperty("reports").EnumerateArray()).GetProperty("note").GetString());
        Assert.NotEmpty(await StoreScan.FindAsync(silo.Redis, scene.Traces));

        using (var erase = await scene.Erasee.DeleteAsync("/api/readers/me"))
        {
            Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        }

        Assert.Empty(await StoreScan.FindAsync(silo.Redis, scene.Traces));
        await scene.AssertCountsAfterErasureAsync();
        var after = await scene.Erasee.GetJsonAsync("/api/readers/me/export");
        Assert.Equal(0, after.GetProperty("comments").GetArrayLength());
        Assert.Equal(0, after.GetProperty("votes").GetArrayLength());
        Assert.Equal(0, after.GetProperty("reactions").GetArrayLength());
        Assert.Equal(0, after.GetProperty("reports").GetArrayLength());
        var audit = await scene.Moderator.GetJsonAsync($"/api/moderation/audit?commentId={scene.RejectedId}");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), entry => entry.GetProperty("action").GetString() == "reject"
            && entry.GetProperty("readerId").GetString()!.StartsWith("erased-", StringComparison.Ordinal));

        // Again: the same answer, and nothing moves.
        using (var again = await scene.Erasee.DeleteAsync("/api/readers/me"))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }

        Assert.Empty(await StoreScan.FindAsync(silo.Redis, scene.Traces));
        await scene.AssertCountsAfterErasureAsync();
    }

    [Fact]
    public async Task A_moderator_erases_a_reader_and_the_audit_trail_names_the_moderator_and_a_pseudonym()
    {
        var article = CommentClient.NewArticle("moderator-erasure");
        var readerId = "erasee-" + Guid.NewGuid().ToString("N")[..10];
        using var reader = Factory.CreateClient().WithToken(await Factory.CreateClient().DevTokenAsync(readerId));
        using var moderator = await CommentClient.ReaderAsync(Factory, "erasing-mod", "moderator");
        var text = $"A remark about the tram timetable {Guid.NewGuid():N}";
        var comment = await reader.CommentAsync(article, text);

        using var erase = await moderator.DeleteAsync($"/api/moderation/readers/{readerId}");

        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        Assert.Empty(await StoreScan.FindAsync(silo.Redis, readerId, text));
        var shown = await moderator.GetJsonAsync($"/api/comments/{comment.Id()}");
        Assert.Equal("deleted", shown.Status());
        var audit = await moderator.GetJsonAsync("/api/moderation/audit?limit=50");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), entry => entry.GetProperty("action").GetString() == "erase"
            && entry.GetProperty("commentId").ValueKind == JsonValueKind.Null
            && entry.GetProperty("moderatorId").GetString()!.StartsWith("erasing-mod", StringComparison.Ordinal)
            && entry.GetProperty("readerId").GetString()!.StartsWith("erased-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_comment_stays_in_the_reported_queue_while_an_open_report_is_left_and_leaves_it_when_the_last_is_withdrawn()
    {
        var article = CommentClient.NewArticle("withdrawn-reports");
        using var author = await CommentClient.ReaderAsync(Factory, "reported-author");
        using var moderator = await CommentClient.ReaderAsync(Factory, "reports-mod", "moderator");
        var reporterIds = new[] { "reporter-" + Guid.NewGuid().ToString("N")[..10], "reporter-" + Guid.NewGuid().ToString("N")[..10] };
        var comment = (await author.CommentAsync(article, "The ferry timetable changes again in March.")).Id();
        foreach (var reporterId in reporterIds)
        {
            using var reporter = Factory.CreateClient().WithToken(await Factory.CreateClient().DevTokenAsync(reporterId));
            (await reporter.PostAsJsonAsync($"/api/comments/{comment}/reports", new { reason = "spam", note = "" })).EnsureSuccessStatusCode();
        }

        Assert.Equal(2, await OpenReportsInQueueAsync(moderator, article, comment));

        (await moderator.DeleteAsync($"/api/moderation/readers/{reporterIds[0]}")).EnsureSuccessStatusCode();
        Assert.Equal(1, await OpenReportsInQueueAsync(moderator, article, comment));

        (await moderator.DeleteAsync($"/api/moderation/readers/{reporterIds[1]}")).EnsureSuccessStatusCode();
        Assert.Null(await OpenReportsInQueueAsync(moderator, article, comment));
        var site = await moderator.GetJsonAsync("/api/moderation/queue?state=reported&limit=100");
        Assert.DoesNotContain(site.GetProperty("items").EnumerateArray(), item => item.GetProperty("comment").Id() == comment);
        Assert.Equal("published", (await moderator.GetJsonAsync($"/api/comments/{comment}")).Status());
    }

    /// <summary>The reports of the comment as its item in the article's reported queue shows them; null when it is not in that queue.</summary>
    private static async Task<int?> OpenReportsInQueueAsync(HttpClient moderator, string article, string commentId)
    {
        var queue = await moderator.GetJsonAsync($"/api/moderation/queue?state=reported&articleId={article}");
        var items = queue.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(items.Length, queue.GetProperty("counts").GetProperty("reported").GetInt64());
        return items.SingleOrDefault(item => item.GetProperty("comment").Id() == commentId) is { ValueKind: JsonValueKind.Object } queued
            ? queued.GetProperty("reports").GetArrayLength()
            : null;
    }

    [Fact]
    public async Task A_banned_reader_s_erasure_removes_their_comments_but_keeps_the_ban()
    {
        var readerId = "banned-erasee-" + Guid.NewGuid().ToString("N")[..10];
        using var reader = Factory.CreateClient().WithToken(await Factory.CreateClient().DevTokenAsync(readerId));
        using var moderator = await CommentClient.ReaderAsync(Factory, "banning-mod", "moderator");
        var text = $"A remark about the bridge repairs {Guid.NewGuid():N}";
        await reader.CommentAsync(CommentClient.NewArticle("banned-erasure"), text);
        (await moderator.PostAsJsonAsync($"/api/moderation/readers/{readerId}/ban", new { reason = "spam", rejectPending = false })).EnsureSuccessStatusCode();

        using var erase = await reader.DeleteAsync("/api/readers/me");

        Assert.Equal(HttpStatusCode.NoContent, erase.StatusCode);
        Assert.Empty(await StoreScan.FindAsync(silo.Redis, text));
        var history = await moderator.GetJsonAsync($"/api/moderation/readers/{readerId}");
        Assert.True(history.GetProperty("standing").GetProperty("banned").GetBoolean());
        using var post = await reader.PostCommentAsync(CommentClient.NewArticle("banned-erasure"), "Still here after all of it, with more to say.");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task An_erasure_of_a_malformed_reader_id_is_400_and_changes_nothing()
    {
        using var moderator = await CommentClient.ReaderAsync(Factory, "strict-mod", "moderator");

        using var erase = await moderator.DeleteAsync($"/api/moderation/readers/{new string('r', 129)}");

        var problem = await ProblemAssert.Expect(erase, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("readerId", out _));
    }

    [Fact]
    public async Task A_rejected_comment_s_text_is_removed_once_its_retention_has_passed_and_the_removal_is_audited()
    {
        using var reader = await CommentClient.ReaderAsync(Factory, "retained");
        using var moderator = await CommentClient.ReaderAsync(Factory, "retention-mod", "moderator");
        var article = CommentClient.NewArticle("retention");
        var rejected = await reader.CommentAsync(article, $"A rant about parking fines {Guid.NewGuid():N}");
        var published = await reader.CommentAsync(article, $"A kind word about the new bakery {Guid.NewGuid():N}");
        (await moderator.DecideAsync(rejected.Id(), "reject", rejected.GetProperty("revision").GetInt64(), "off-topic")).EnsureSuccessStatusCode();

        var deadline = DateTime.UtcNow + ReaderRightsSilo.RejectedTextRetention + TimeSpan.FromSeconds(20);
        while ((await moderator.GetJsonAsync($"/api/comments/{rejected.Id()}")).GetProperty("body").GetString() != "")
        {
            Assert.True(DateTime.UtcNow < deadline, "the rejected text was not removed within its retention and 20 s");
            await Task.Delay(100);
        }

        Assert.Equal("rejected", (await moderator.GetJsonAsync($"/api/comments/{rejected.Id()}")).Status());
        Assert.Equal(published.GetProperty("body").GetString(), (await moderator.GetJsonAsync($"/api/comments/{published.Id()}")).GetProperty("body").GetString());
        var audit = await moderator.GetJsonAsync($"/api/moderation/audit?commentId={rejected.Id()}");
        Assert.Single(audit.GetProperty("items").EnumerateArray(), entry => entry.GetProperty("action").GetString() == "remove-text");
    }

    /// <summary>The reader to erase, what they did, and the others around them.</summary>
    private sealed class Scene
    {
        public required HttpClient Erasee { get; init; }
        public required string EraseeId { get; init; }
        public required HttpClient Moderator { get; init; }
        public required HttpClient Editor { get; init; }
        public required string Article { get; init; }
        public required string PollId { get; init; }
        public required string OthersCommentId { get; init; }
        public required string TopId { get; init; }
        public required string ReplyToTopId { get; init; }
        public required string RejectedId { get; init; }
        public required string TopText { get; init; }
        public required string ReportNote { get; init; }
        public required string[] Traces { get; init; }

        public static async Task<Scene> CreateAsync(SiloFactory factory, string tag)
        {
            var eraseeId = "erasee-" + tag;
            var erasee = factory.CreateClient().WithToken(await factory.CreateClient().DevTokenAsync(eraseeId, []));
            var other = await CommentClient.ReaderAsync(factory, "neighbour");
            var third = await CommentClient.ReaderAsync(factory, "bystander");
            var moderator = await CommentClient.ReaderAsync(factory, "mod", "moderator");
            var editor = await CommentClient.ReaderAsync(factory, "editor", "editor");
            var article = CommentClient.NewArticle("erasure");
            var topText = $"The harbour plan needs a second look {tag}";
            var replyText = $"I agree with the point on ferries {tag}";
            var rejectedText = $"{CommentClient.Abusive} {tag}";
            var reportNote = $"This looks like advertising {tag}";

            var others = await other.CommentAsync(article, "The council should publish the full budget before the vote.");
            var top = await erasee.CommentAsync(article, topText);
            var replyToTop = await other.CommentAsync(article, "A fair question, and the answer matters.", top.Id());
            await erasee.CommentAsync(article, replyText, others.Id());
            var rejected = await erasee.CommentAsync(article, rejectedText);
            (await moderator.DecideAsync(rejected.Id(), "reject", rejected.GetProperty("revision").GetInt64(), "abusive")).EnsureSuccessStatusCode();
            (await erasee.PutAsync($"/api/comments/{others.Id()}/reaction", null)).EnsureSuccessStatusCode();
            (await third.PutAsync($"/api/comments/{top.Id()}/reaction", null)).EnsureSuccessStatusCode();
            (await erasee.PostAsJsonAsync($"/api/comments/{others.Id()}/reports", new { reason = "spam", note = reportNote })).EnsureSuccessStatusCode();

            var pollId = (await editor.CreatePollAsync(article)).GetProperty("id").GetString()!;
            (await erasee.VoteAsync(pollId, "o1")).EnsureSuccessStatusCode();
            (await other.VoteAsync(pollId, "o2")).EnsureSuccessStatusCode();
            (await third.VoteAsync(pollId, "o1")).EnsureSuccessStatusCode();
            var before = (await editor.ResultsWithinAsync(pollId, 3, TimeSpan.FromSeconds(10))).Votes();
            Assert.Equal(new long[] { 2, 1, 0 }, before);
            // The first page is cached with the texts in it.
            await other.GetJsonAsync($"/api/articles/{article}/comments");
            Assert.Equal(4, (await other.GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());

            return new Scene
            {
                Erasee = erasee,
                EraseeId = eraseeId,
                Moderator = moderator,
                Editor = editor,
                Article = article,
                PollId = pollId,
                OthersCommentId = others.Id(),
                TopId = top.Id(),
                ReplyToTopId = replyToTop.Id(),
                RejectedId = rejected.Id(),
                TopText = topText,
                ReportNote = reportNote,
                Traces = [eraseeId, topText, replyText, rejectedText, reportNote],
            };
        }

        public async Task AssertCountsAfterErasureAsync()
        {
            var votes = (await Editor.ResultsWithinAsync(PollId, 2, TimeSpan.FromSeconds(10))).Votes();
            Assert.Equal(new long[] { 1, 1, 0 }, votes);
            var recount = await Editor.PostAsync($"/api/polls/{PollId}/recount", null);
            var pollReport = JsonDocument.Parse(await recount.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(0, pollReport.GetProperty("differences").GetArrayLength());

            // The neighbour's comment and reply stay; the erased top-level comment shows as deleted above its reply.
            Assert.Equal(2, (await Editor.GetJsonAsync($"/api/articles/{Article}")).GetProperty("commentCount").GetInt32());
            var thread = await Editor.GetJsonAsync($"/api/articles/{Article}/comments?sort=oldest");
            var shown = thread.GetProperty("items").EnumerateArray().Single(comment => comment.Id() == TopId);
            Assert.True(shown.GetProperty("deleted").GetBoolean());
            Assert.Equal("", shown.GetProperty("body").GetString());
            Assert.Equal(1, shown.GetProperty("replyCount").GetInt64());
            var others = thread.GetProperty("items").EnumerateArray().Single(comment => comment.Id() == OthersCommentId);
            Assert.Equal(0, others.GetProperty("reactions").GetInt64());
            Assert.Equal(0, others.GetProperty("replyCount").GetInt64());
            Assert.Equal("published", (await Editor.GetJsonAsync($"/api/comments/{ReplyToTopId}")).Status());

            using var articleRecount = await Moderator.PostAsync($"/api/articles/{Article}/recount", null);
            var report = JsonDocument.Parse(await articleRecount.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(report.GetProperty("publishedBefore").GetInt64(), report.GetProperty("published").GetInt64());
            Assert.Equal(0, report.GetProperty("replyCountsCorrected").GetInt32());
        }
    }
}

[Collection(ReaderRightsCollection.Name)]
public sealed class ReaderErasureOnRedisServerTests(ReaderRightsOnRedisServer silo) : ReaderErasureTests(silo);

[Collection(ReaderRightsOnEmbeddedStoreCollection.Name)]
public sealed class ReaderErasureOnEmbeddedStoreTests(ReaderRightsOnEmbeddedStore silo) : ReaderErasureTests(silo);

[Collection(ReaderRightsOnRedisClusterCollection.Name)]
public sealed class ReaderErasureOnRedisClusterTests(ReaderRightsOnRedisCluster silo) : ReaderErasureTests(silo);
