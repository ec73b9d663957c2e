using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Api.Tests.Comments;
using Moderation.Redis.Comments;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Imports;

[Collection(RedisServerSiloCollection.Name)]
public sealed class ImportBatchTests(SharedSiloOnRedisServer silo) : IAsyncLifetime
{
    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Replies_before_their_parents_and_every_status_are_stored_with_counts_the_recount_agrees_with()
    {
        var article = CommentClient.NewArticle("import");
        using var editor = await Factory.ReaderAsync("import-editor", "editor");

        var ids = await editor.ImportAsync(
            ImportClient.Comment("r2", article, "r1", "<p>Deep reply</p>", minutes: 3),
            ImportClient.Comment("r1", article, "t1", "<p>A reply</p>", author: "bo@example.org", minutes: 2),
            ImportClient.Comment("t1", article, null, "<p>Caf&eacute; &amp; <b>cr\u00e8me</b></p><p>\u65e5\u672c\u8a9e</p>", minutes: 1),
            ImportClient.Comment("d1", article, null, "<p>Gone</p>", "deleted", minutes: 4),
            ImportClient.Comment("r3", article, "d1", "Still here<br/>under a deleted one", minutes: 5),
            ImportClient.Comment("s1", article, null, "Buy cheap pills", "rejected", minutes: 6),
            ImportClient.Comment("p1", article, null, "Awaiting a look", "pending", minutes: 7));

        Assert.All(ids.Values, result => Assert.Equal("stored", result.Outcome));
        Assert.Equal(4, (await editor.GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());
        var t1 = await editor.GetJsonAsync($"/api/comments/{ids["t1"].Id}");
        Assert.Equal(("Caf\u00e9 & cr\u00e8me\n\n\u65e5\u672c\u8a9e", 1), (t1.GetProperty("body").GetString(), t1.GetProperty("replyCount").GetInt32()));
        Assert.Equal(ImportClient.Start.AddMinutes(1), t1.GetProperty("createdAt").GetDateTimeOffset());
        var r2 = await editor.GetJsonAsync($"/api/comments/{ids["r2"].Id}");
        Assert.Equal(ids["r1"].Id, r2.GetProperty("parentId").GetString());
        Assert.Equal(t1.GetProperty("authorId").GetString(), r2.GetProperty("authorId").GetString());
        Assert.StartsWith("r-", t1.GetProperty("authorId").GetString());
        Assert.Equal("Still here\nunder a deleted one", (await editor.GetJsonAsync($"/api/comments/{ids["r3"].Id}")).GetProperty("body").GetString());
        Assert.Equal(1, (await editor.GetJsonAsync($"/api/comments/{ids["d1"].Id}")).GetProperty("replyCount").GetInt32());

        using var moderator = await Factory.ModeratorAsync();
        var rejected = await moderator.GetJsonAsync($"/api/moderation/queue?state=rejected&articleId={article}");
        Assert.Equal(ids["s1"].Id, Assert.Single(rejected.GetProperty("items").EnumerateArray()).GetProperty("comment").Id());
        var pending = await moderator.GetJsonAsync($"/api/moderation/queue?state=pending&articleId={article}");
        Assert.Equal(ids["p1"].Id, Assert.Single(pending.GetProperty("items").EnumerateArray()).GetProperty("comment").Id());

        var recount = await RecountAsync(editor, article);
        Assert.Equal((7, 4, 4, 0), recount);
        await AssertNoEmailStoredAsync(article);
    }

    [Fact]
    public async Task Importing_the_same_comments_again_changes_nothing()
    {
        var article = CommentClient.NewArticle("import-twice");
        using var editor = await Factory.ReaderAsync("import-editor", "editor");
        object[] comments =
        [
            ImportClient.Comment("a", article, null, "First"),
            ImportClient.Comment("b", article, "a", "Second", minutes: 1),
            ImportClient.Comment("c", article, null, "Spam", "rejected", minutes: 2),
        ];
        var first = await editor.ImportAsync(comments);
        var before = await ArticleKeysAsync(article);

        var second = await editor.ImportAsync(comments);

        Assert.All(second, result => Assert.Equal(("exists", first[result.Key].Id), result.Value));
        Assert.Equal(before, await ArticleKeysAsync(article));
        using var moderator = await Factory.ModeratorAsync();
        var audit = await moderator.GetJsonAsync($"/api/moderation/audit?commentId={first["c"].Id}");
        var record = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal(("import", "disqus", "disqus:c", "rejected"), (record.GetProperty("action").GetString(), record.GetProperty("reason").GetString(),
            record.GetProperty("note").GetString(), record.GetProperty("toStatus").GetString()));
        Assert.StartsWith("import-editor", record.GetProperty("moderatorId").GetString(), StringComparison.Ordinal);
        Assert.Equal((3, 2, 2, 0), await RecountAsync(editor, article));
    }

    [Fact]
    public async Task Two_sites_that_both_number_their_comments_from_1_import_into_their_own_articles_side_by_side()
    {
        var first = CommentClient.NewArticle("import-site-one");
        var second = CommentClient.NewArticle("import-site-two");
        using var editor = await Factory.ReaderAsync("import-editor", "editor");

        var one = await editor.ImportAsync(
            ImportClient.Comment("1", first, null, "On the first site"),
            ImportClient.Comment("2", first, "1", "A reply there", minutes: 1));
        var two = await editor.ImportAsync(
            ImportClient.Comment("1", second, null, "On the second site"),
            ImportClient.Comment("2", second, "1", "A reply here", minutes: 1));

        Assert.All(one.Values.Concat(two.Values), result => Assert.Equal("stored", result.Outcome));
        Assert.NotEqual(one["1"].Id, two["1"].Id);
        var reply = await editor.GetJsonAsync($"/api/comments/{two["2"].Id}");
        Assert.Equal((second, two["1"].Id, "A reply here"),
            (reply.GetProperty("articleId").GetString(), reply.GetProperty("parentId").GetString(), reply.GetProperty("body").GetString()));
        Assert.Equal(first, (await editor.GetJsonAsync($"/api/comments/{one["2"].Id}")).GetProperty("articleId").GetString());
        Assert.Equal((2, 2, 2, 0), await RecountAsync(editor, first));
        Assert.Equal((2, 2, 2, 0), await RecountAsync(editor, second));
    }

    [Fact]
    public async Task A_reply_whose_parent_is_not_stored_waits_and_is_stored_when_sent_again_after_its_parent()
    {
        var article = CommentClient.NewArticle("import-resume");
        using var editor = await Factory.ReaderAsync("import-editor", "editor");

        var early = await editor.ImportAsync(ImportClient.Comment("child", article, "parent", "A reply", minutes: 1));
        var parent = await editor.ImportAsync(ImportClient.Comment("parent", article, null, "The first word"));
        var resumed = await editor.ImportAsync(
            ImportClient.Comment("parent", article, null, "The first word"),
            ImportClient.Comment("child", article, "parent", "A reply", minutes: 1));

        Assert.Equal("waiting-for-parent", early["child"].Outcome);
        Assert.Equal("stored", parent["parent"].Outcome);
        Assert.Equal(("exists", "stored"), (resumed["parent"].Outcome, resumed["child"].Outcome));
        Assert.Equal(early["child"].Id, resumed["child"].Id);
        Assert.Equal((2, 2, 2, 0), await RecountAsync(editor, article));
    }

    [Fact]
    public async Task A_batch_with_one_bad_comment_is_refused_whole_and_stores_nothing()
    {
        var article = CommentClient.NewArticle("import-bad");
        using var editor = await Factory.ReaderAsync("import-editor", "editor");
        var good = ImportClient.Comment("good", article, null, "Fine");

        using var response = await editor.PostBatchAsync([good, ImportClient.Comment("bad", article, null, "Odd", "lost")]);
        using var badArticle = await editor.PostBatchAsync([ImportClient.Comment("x", "no/slashes", null, "Odd")]);
        using var badSource = await editor.PostBatchAsync([good], source: "livefyre");

        await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        await ProblemAssert.Expect(badArticle, HttpStatusCode.BadRequest);
        await ProblemAssert.Expect(badSource, HttpStatusCode.BadRequest);
        Assert.Equal("stored", (await editor.ImportAsync(good))["good"].Outcome);
    }

    [Fact]
    public async Task Restored_audit_records_are_listed_as_they_were_once_however_often_they_are_restored_a_bad_one_refuses_the_batch_and_an_editor_may_not_restore()
    {
        var article = CommentClient.NewArticle("import-audit");
        using var editor = await Factory.ReaderAsync("import-editor", "editor");
        var comment = (await editor.ImportAsync(ImportClient.Comment("a", article, null, "Spam", "rejected")))["a"].Id;
        using var moderator = await Factory.ModeratorAsync();
        var decided = new { at = ImportClient.Start.AddDays(1), moderatorId = "old-mod", commentId = comment, action = "reject", reason = "spam", note = "from the old site", fromStatus = "published", toStatus = "rejected", score = 0.25 };

        using var byEditor = await editor.PostAsJsonAsync("/api/imports/audit", new { records = new[] { decided } });
        using var bad = await moderator.PostAsJsonAsync("/api/imports/audit", new { records = new object[] { decided, new { at = ImportClient.Start, action = "reject", commentId = "no-such-shape" } } });
        using var first = await moderator.PostAsJsonAsync("/api/imports/audit", new { records = new[] { decided } });
        using var again = await moderator.PostAsJsonAsync("/api/imports/audit", new { records = new[] { decided } });

        Assert.Equal(HttpStatusCode.Forbidden, byEditor.StatusCode);
        await ProblemAssert.Expect(bad, HttpStatusCode.BadRequest);
        Assert.Equal((1, 0), await RestoredAsync(first));
        Assert.Equal((0, 1), await RestoredAsync(again));
        var audit = (await moderator.GetJsonAsync($"/api/moderation/audit?commentId={comment}")).GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["reject", "import"], audit.Select(entry => entry.GetProperty("action").GetString()));
        Assert.Equal(("old-mod", "from the old site", 0.25, ImportClient.Start.AddDays(1)), (audit[0].GetProperty("moderatorId").GetString(),
            audit[0].GetProperty("note").GetString(), audit[0].GetProperty("score").GetDouble(), audit[0].GetProperty("at").GetDateTimeOffset()));
    }

    private static async Task<(int Stored, int Existed)> RestoredAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (answer.GetProperty("stored").GetInt32(), answer.GetProperty("existed").GetInt32());
    }

    [Fact]
    public async Task Readers_may_not_import_and_editors_may_not_import_labels()
    {
        var article = CommentClient.NewArticle("import-denied");
        using var reader = await Factory.ReaderAsync("import-reader");
        using var editor = await Factory.ReaderAsync("import-editor", "editor");
        object[] comments = [ImportClient.Comment("x", article, null, "Hello")];

        using var byReader = await reader.PostBatchAsync(comments);
        using var labelsByEditor = await editor.PostBatchAsync(comments, asLabels: true);

        Assert.Equal(HttpStatusCode.Forbidden, byReader.StatusCode);
        await ProblemAssert.Expect(labelsByEditor, HttpStatusCode.Forbidden);
        Assert.Equal("stored", (await editor.ImportAsync(comments))["x"].Outcome);
    }

    [Fact]
    public async Task As_labels_the_old_moderators_rejections_become_toxic_labels_and_published_comments_clean_ones()
    {
        var article = CommentClient.NewArticle("import-labels");
        var marker = Guid.NewGuid().ToString("N");
        using var moderator = await Factory.ModeratorAsync();
        var before = await moderator.GetJsonAsync("/api/model/labels");

        using var response = await moderator.PostBatchAsync(
        [
            ImportClient.Comment("ok", article, null, $"A fair and useful report {marker}"),
            ImportClient.Comment("spam", article, null, $"Cheap pills at my site {marker}", "rejected", minutes: 1),
            ImportClient.Comment("gone", article, null, $"Removed by its author {marker}", "deleted", minutes: 2),
        ], asLabels: true);
        var after = await moderator.GetJsonAsync("/api/model/labels");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("labelsAdded").GetInt32());
        Assert.Equal(2, Count(after, "byOrigin", "import") - Count(before, "byOrigin", "import"));
        Assert.Equal(1, Count(after, "byClass", "toxic") - Count(before, "byClass", "toxic"));
    }

    [Fact]
    public async Task Rescored_a_toxic_comment_the_source_published_is_held_with_its_score_and_a_civil_one_stays_published()
    {
        var article = CommentClient.NewArticle("import-rescore");
        using var editor = await Factory.ReaderAsync("import-editor", "editor");
        using var moderator = await Factory.ModeratorAsync();

        using var response = await editor.PostBatchAsync(
        [
            ImportClient.Comment("civil", article, null, CommentClient.Civil),
            ImportClient.Comment("toxic", article, null, CommentClient.Abusive, minutes: 1),
            ImportClient.Comment("spam", article, null, CommentClient.Abusive, "rejected", minutes: 2),
        ], rescore: true);
        var results = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("results");
        string Id(int index) => results[index].GetProperty("commentId").GetString()!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var civil = await moderator.GetJsonAsync($"/api/comments/{Id(0)}");
        var toxic = await moderator.GetJsonAsync($"/api/comments/{Id(1)}");
        Assert.Equal("published", civil.Status());
        Assert.Equal("pending", toxic.Status());
        var pending = await moderator.GetJsonAsync($"/api/moderation/queue?state=pending&articleId={article}");
        var held = Assert.Single(pending.GetProperty("items").EnumerateArray());
        Assert.Contains("toxicity", held.GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString()));
        var threshold = (await moderator.GetJsonAsync("/api/model")).GetProperty("holdThreshold").GetDouble();
        Assert.True(held.GetProperty("score").GetDouble() >= threshold, held.ToString());
        Assert.Equal("rejected", (await moderator.GetJsonAsync($"/api/comments/{Id(2)}")).Status());
        Assert.Equal((3, 1, 1, 0), await RecountAsync(editor, article));
    }

    private static long Count(JsonElement labels, string group, string name) => labels.GetProperty(group).GetProperty(name).GetInt64();

    private static async Task<(int Scanned, int Before, int Published, int Corrected)> RecountAsync(HttpClient editor, string article)
    {
        using var response = await editor.PostAsync($"/api/articles/{article}/recount", null);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (report.GetProperty("commentsScanned").GetInt32(), report.GetProperty("publishedBefore").GetInt32(),
            report.GetProperty("published").GetInt32(), report.GetProperty("replyCountsCorrected").GetInt32());
    }

    /// <summary>Every key of the article's part that names the article, with its type and content, for comparing before and after.</summary>
    private async Task<string> ArticleKeysAsync(string article)
    {
        var redis = Factory.Services.GetRequiredService<IConnectionMultiplexer>();
        var database = redis.GetDatabase();
        var prefix = CommentParts.Prefix(CommentParts.Hashed(article));
        var lines = new List<string>();
        foreach (var text in redis.GetServers()[0].Keys(pattern: prefix + "*").Select(key => (string)key!).Order(StringComparer.Ordinal))
        {
            RedisKey key = text;
            var type = await database.KeyTypeAsync(key);
            string value;
            try
            {
                value = type switch
                {
                    RedisType.Hash => string.Join(",", (await database.HashGetAllAsync(key)).OrderBy(entry => (string)entry.Name!).Select(entry => $"{entry.Name}={entry.Value}")),
                    RedisType.SortedSet => string.Join(",", (await database.SortedSetRangeByRankWithScoresAsync(key)).Select(entry => $"{entry.Element}:{entry.Score}")),
                    RedisType.Set => string.Join(",", (await database.SetMembersAsync(key)).Select(member => (string)member!).Order()),
                    RedisType.String => (string?)await database.StringGetAsync(key) ?? "",
                    _ => "",
                };
            }
            catch (RedisServerException exception) when (exception.Message.StartsWith("WRONGTYPE", StringComparison.Ordinal))
            {
                // Another test's key in the same part, replaced between its type and its read; this article's keys are still.
                continue;
            }

            if (text.Contains(article, StringComparison.Ordinal) || value.Contains(article, StringComparison.Ordinal))
            {
                lines.Add($"{text} {type} {value}");
            }
        }

        return string.Join("\n", lines);
    }

    private async Task AssertNoEmailStoredAsync(string article)
    {
        var keys = await ArticleKeysAsync(article);
        Assert.DoesNotContain("example.org", keys, StringComparison.Ordinal);
    }
}
