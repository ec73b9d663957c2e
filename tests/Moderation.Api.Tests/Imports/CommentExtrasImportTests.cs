using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Testing;

namespace Moderation.Api.Tests.Imports;

/// <summary>A comment's extras from this service's export (reactors, featured mark, reports, score, edits) restored through the import batches.</summary>
[Collection(RedisServerSiloCollection.Name)]
public sealed class CommentExtrasImportTests(SharedSiloOnRedisServer silo) : IAsyncLifetime
{
    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Restored_extras_give_exact_counts_the_featured_sort_the_reported_queue_and_a_second_restore_changes_nothing()
    {
        var article = CommentClient.NewArticle("extras");
        using var editor = await Factory.ReaderAsync("import-editor", "editor");
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (a, b, c) = ($"extras-a-{suffix}", $"extras-b-{suffix}", $"extras-c-{suffix}");
        var reactors = new[] { a, b };
        object[] comments =
        [
            WithExtras(ImportClient.Comment("t1", article, null, "Top"), new
            {
                reactors,
                reports = new[] { Report(a), Report(b), Report(c) },
                reported = true,
                score = 0.25,
                modelVersion = "m-1",
                reasons = Array.Empty<string>(),
                explanation = new[] { new { text = "pills", weight = 0.5 } },
                editedAt = ImportClient.Start.AddMinutes(5),
                versions = new[] { new { body = "First words", writtenAt = ImportClient.Start, replacedAt = ImportClient.Start.AddMinutes(5) } },
            }),
            WithExtras(ImportClient.Comment("r1", article, "t1", "Reply", minutes: 1), new { featured = true, reports = new[] { Report(a) } }),
            WithExtras(ImportClient.Comment("p1", article, null, "Held", "pending", minutes: 2), new { reasons = new[] { "premoderation" } }),
        ];

        var first = await PostExportBatchAsync(editor, comments);
        var before = await StateAsync(editor, article, first["t1"], first["r1"]);
        var again = await PostExportBatchAsync(editor, comments);

        Assert.Equal(first, again);
        Assert.Equal(before, await StateAsync(editor, article, first["t1"], first["r1"]));
        var top = await editor.GetJsonAsync($"/api/comments/{first["t1"]}");
        Assert.Equal(2, top.GetProperty("reactions").GetInt32());
        Assert.Equal([first["r1"]], Ids(await editor.GetJsonAsync($"/api/articles/{article}/comments?sort=featured")));
        using var moderator = await Factory.ModeratorAsync();
        var reported = await moderator.GetJsonAsync($"/api/moderation/queue?state=reported&articleId={article}");
        var queued = Assert.Single(reported.GetProperty("items").EnumerateArray());
        Assert.Equal((first["t1"], 3, 0.25), (queued.GetProperty("comment").Id(), queued.GetProperty("reports").GetArrayLength(), queued.GetProperty("score").GetDouble()));
        Assert.Equal("pills", Assert.Single(queued.GetProperty("explanation").EnumerateArray()).GetProperty("text").GetString());

        var pending = await moderator.GetJsonAsync($"/api/moderation/queue?state=pending&articleId={article}");
        var held = Assert.Single(pending.GetProperty("items").EnumerateArray());
        Assert.Equal((first["p1"], "premoderation"), (held.GetProperty("comment").Id(), Assert.Single(held.GetProperty("reasons").EnumerateArray()).GetString()));

        using var reactor = Factory.CreateClient();
        reactor.WithToken(await reactor.DevTokenAsync(a));
        using var reaction = await reactor.PutAsync($"/api/comments/{first["t1"]}/reaction", null);
        Assert.Equal(2, (await reaction.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reactions").GetInt32());
        (await reactor.PostAsJsonAsync($"/api/comments/{first["r1"]}/reports", new { reason = "spam", note = "" })).EnsureSuccessStatusCode();
        Assert.Equal(before, await StateAsync(editor, article, first["t1"], first["r1"]));
    }

    [Fact]
    public async Task Extras_from_another_source_or_out_of_range_refuse_the_batch_whole_and_store_nothing()
    {
        var article = CommentClient.NewArticle("extras-bad");
        using var editor = await Factory.ReaderAsync("import-editor", "editor");
        var good = ImportClient.Comment("good", article, null, "Fine");

        using var fromDisqus = await editor.PostBatchAsync([WithExtras(good, new { featured = true })], html: false);
        using var badScore = await editor.PostBatchAsync([good, WithExtras(ImportClient.Comment("s", article, null, "Odd"), new { score = 2.0 })], html: false, source: "export");
        using var blankReactor = await editor.PostBatchAsync([good, WithExtras(ImportClient.Comment("b", article, null, "Odd"), new { reactors = new[] { " " } })], html: false, source: "export");
        using var noReason = await editor.PostBatchAsync(
            [good, WithExtras(ImportClient.Comment("n", article, null, "Odd"), new { reports = new[] { new { readerId = "r", reason = "", note = "", at = ImportClient.Start } } })],
            html: false, source: "export");

        await ProblemAssert.Expect(fromDisqus, HttpStatusCode.BadRequest);
        await ProblemAssert.Expect(badScore, HttpStatusCode.BadRequest);
        await ProblemAssert.Expect(blankReactor, HttpStatusCode.BadRequest);
        await ProblemAssert.Expect(noReason, HttpStatusCode.BadRequest);
        Assert.Equal(0, (await editor.GetJsonAsync($"/api/articles/{article}")).GetProperty("commentCount").GetInt32());
    }

    private static object Report(string readerId) => new { readerId, reason = "spam", note = $"from {readerId}", at = ImportClient.Start.AddMinutes(2) };

    /// <summary>The comment's JSON with an <c>extras</c> member added.</summary>
    private static JsonElement WithExtras(object comment, object extras)
    {
        var node = JsonSerializer.SerializeToNode(comment, JsonSerializerOptions.Web)!.AsObject();
        node["extras"] = JsonSerializer.SerializeToNode(extras, JsonSerializerOptions.Web);
        return JsonSerializer.SerializeToElement(node);
    }

    /// <summary>Stores the batch as source export and asserts 200; answers each comment's id by source id.</summary>
    private static async Task<Dictionary<string, string>> PostExportBatchAsync(HttpClient client, object[] comments)
    {
        using var response = await client.PostBatchAsync(comments, html: false, source: "export");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("results").EnumerateArray()
            .ToDictionary(result => result.GetProperty("sourceId").GetString()!, result => result.GetProperty("commentId").GetString()!);
    }

    /// <summary>What the API shows of the two comments, the thread's sorts and the queues, for comparing before and after.</summary>
    private async Task<string> StateAsync(HttpClient client, string article, string top, string reply)
    {
        using var moderator = await Factory.ModeratorAsync();
        string[] reads =
        [
            $"/api/moderation/queue?state=reported&articleId={article}",
            $"/api/moderation/queue?state=pending&articleId={article}",
        ];
        var parts = new List<string>
        {
            (await client.GetJsonAsync($"/api/comments/{top}")).GetRawText(),
            (await client.GetJsonAsync($"/api/comments/{reply}")).GetRawText(),
            (await client.GetJsonAsync($"/api/articles/{article}/comments?sort=top")).GetRawText(),
            (await client.GetJsonAsync($"/api/articles/{article}/comments?sort=featured")).GetRawText(),
        };
        foreach (var read in reads)
        {
            parts.Add((await moderator.GetJsonAsync(read)).GetRawText());
        }

        return string.Join("\n", parts);
    }

    private static string[] Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(item => item.Id())];
}
