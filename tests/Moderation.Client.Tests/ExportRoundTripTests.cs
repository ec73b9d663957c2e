using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Moderation.Testing;

namespace Moderation.Client.Tests;

/// <summary><c>moderation export</c> and <c>moderation import export</c>: an article exported, imported into a fresh store, and exported again.</summary>
[Collection(ServiceCollection.Name)]
public sealed class ExportRoundTripTests(ServiceFixture service)
{
    [Fact]
    public async Task An_article_exported_and_imported_into_a_fresh_store_exports_the_same_articles_comments_polls_ballots_audit_records_and_comment_extras()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var article = $"harbour-{suffix}";
        // Restoring the audit trail takes a moderator (its records name moderators); the polls and articles an editor.
        var editor = service.Mint(ServiceFixture.Fresh("editor"), "editor", "moderator");
        var imported = await service.RunAsync("import", "disqus", ImportFiles.Write("disqus.xml", ImportFiles.Disqus(suffix)), "--token", editor);
        Assert.True(imported.ExitCode == 0, imported.Output);
        await DecideAndVoteAsync(article, editor);
        var (reacted, featured, reporters) = await ReactFeatureAndReportAsync(article, editor);
        var first = Path.Combine(Path.GetDirectoryName(ImportFiles.Write("x", ""))!, "first.jsonl");

        var exported = await service.RunAsync("export", "--article", article, "--out", first, "--token", editor);

        Assert.True(exported.ExitCode == 0, exported.Output);
        Assert.True(exported.Output.Contains("Exported 1 articles, 6 comments, 2 polls and 8 audit records", StringComparison.Ordinal), exported.Output);
        var extrasLine = Assert.Single(Lines(first, "comment"), line => line.Contains(reacted, StringComparison.Ordinal) && line.Contains("\"reactors\":[\"", StringComparison.Ordinal));
        Assert.Contains("\"reported\":true", extrasLine);
        Assert.Single(Lines(first, "comment"), line => line.Contains(featured, StringComparison.Ordinal) && line.Contains("\"featured\":true", StringComparison.Ordinal));
        Assert.Single(Lines(first, "comment"), line => line.Contains("\"versions\":[{\"body\":", StringComparison.Ordinal) && line.Contains("\"editedAt\":\"", StringComparison.Ordinal));
        await using var fresh = new SiloFactory(settings: new Dictionary<string, string?> { ["Auth:SigningKey"] = service.SigningKey });
        using (var client = fresh.CreateClient())
        {
            using var ready = await client.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        }

        HttpMessageHandler Fresh(Uri _) => fresh.Server.CreateHandler();
        var restored = await Cli.RunAsync(Fresh, "import", "export", first, "--token", editor);
        var second = first.Replace("first", "second", StringComparison.Ordinal);
        var again = await Cli.RunAsync(Fresh, "export", "--article", article, "--out", second, "--token", editor);

        Assert.True(restored.ExitCode == 0, restored.Output);
        Assert.Contains("Stored 6 comments; 0 were stored before", restored.Output);
        Assert.Contains("Restored 2 polls (0 existed) with 3 ballots (0 counted before). Restored 8 audit records; 0 were restored before.", restored.Output);
        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Equal(Lines(first, "article", "comment", "poll", "ballot", "audit"), Lines(second, "article", "comment", "poll", "ballot", "audit"));
        var repeated = await Cli.RunAsync(Fresh, "import", "export", first, "--token", editor);
        Assert.True(repeated.ExitCode == 0, repeated.Output);
        Assert.Contains("Stored 0 comments; 6 were stored before", repeated.Output);
        Assert.Contains("Restored 0 polls (2 existed) with 0 ballots (3 counted before). Restored 0 audit records; 8 were restored before.", repeated.Output);
        var third = first.Replace("first", "third", StringComparison.Ordinal);
        Assert.Equal(0, (await Cli.RunAsync(Fresh, "export", "--article", article, "--out", third, "--token", editor)).ExitCode);
        Assert.Equal(Lines(first, "article", "comment", "poll", "ballot", "audit"), Lines(third, "article", "comment", "poll", "ballot", "audit"));
        var recount = await fresh.CreateClient().WithToken(editor).PostAsync($"/api/articles/{article}/recount", null);
        var report = await recount.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 3, 0), (report.GetProperty("publishedBefore").GetInt32(), report.GetProperty("published").GetInt32(), report.GetProperty("replyCountsCorrected").GetInt32()));
        await AssertExtrasRestoredAsync(fresh, article, editor, reacted, featured, reporters);
    }

    /// <summary>
    /// In the restored store: the reactors' second reaction and the reporters' second report count nothing, the featured
    /// comment is under sort=featured, the reported one in the reported queue with its three reports, and the scored
    /// comment keeps its score.
    /// </summary>
    private static async Task AssertExtrasRestoredAsync(SiloFactory fresh, string article, string editor, string reacted, string featured, string[] reporters)
    {
        foreach (var reporter in reporters)
        {
            using var client = fresh.CreateClient().WithToken(reporter);
            (await client.PutAsync($"/api/comments/{reacted}/reaction", null)).EnsureSuccessStatusCode();
            (await client.PostAsJsonAsync($"/api/comments/{reacted}/reports", new { reason = "spam", note = "" })).EnsureSuccessStatusCode();
        }

        using var editing = fresh.CreateClient().WithToken(editor);
        var shown = await editing.GetFromJsonAsync<JsonElement>($"/api/comments/{reacted}");
        Assert.Equal(2, shown.GetProperty("reactions").GetInt32());
        var top = await editing.GetFromJsonAsync<JsonElement>($"/api/articles/{article}/comments?sort=top");
        Assert.Equal(reacted, top.GetProperty("items")[0].GetProperty("id").GetString());
        var picks = await editing.GetFromJsonAsync<JsonElement>($"/api/articles/{article}/comments?sort=featured");
        Assert.Equal([featured], [.. picks.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!)]);
        var queue = await editing.GetFromJsonAsync<JsonElement>($"/api/moderation/queue?state=reported&articleId={article}");
        var queued = Assert.Single(queue.GetProperty("items").EnumerateArray());
        Assert.Equal(reacted, queued.GetProperty("comment").GetProperty("id").GetString());
        Assert.Equal(3, queued.GetProperty("reports").GetArrayLength());
        var rejected = await editing.GetFromJsonAsync<JsonElement>($"/api/moderation/queue?state=rejected&articleId={article}");
        Assert.Contains(rejected.GetProperty("items").EnumerateArray(), item => item.GetProperty("score").ValueKind == JsonValueKind.Number);
    }

    /// <summary>
    /// Two readers react to the published top-level comment and three report it (the default threshold: it goes to the
    /// reported queue); the editor features a published reply to it, which one reader reports too.
    /// Answers the reacted and the featured comment's ids and the reporters' tokens.
    /// </summary>
    private async Task<(string Reacted, string Featured, string[] Reporters)> ReactFeatureAndReportAsync(string article, string editor)
    {
        using var anyone = service.Client(editor);
        var thread = await anyone.GetFromJsonAsync<JsonElement>($"/api/articles/{article}/comments?sort=oldest");
        var reacted = thread.GetProperty("items").EnumerateArray()
            .First(item => item.GetProperty("status").GetString() == "published").GetProperty("id").GetString()!;
        var replies = await anyone.GetFromJsonAsync<JsonElement>($"/api/comments/{reacted}/replies");
        var featured = replies.GetProperty("items").EnumerateArray()
            .First(item => item.GetProperty("status").GetString() == "published").GetProperty("id").GetString()!;
        string[] reporters = [.. Enumerable.Range(0, 3).Select(_ => service.Mint(ServiceFixture.Fresh("reader")))];
        foreach (var (reporter, index) in reporters.Select((reporter, index) => (reporter, index)))
        {
            using var client = service.Client(reporter);
            if (index < 2)
            {
                (await client.PutAsync($"/api/comments/{reacted}/reaction", null)).EnsureSuccessStatusCode();
            }

            (await client.PostAsJsonAsync($"/api/comments/{reacted}/reports", new { reason = "spam", note = $"note {index}" })).EnsureSuccessStatusCode();
        }

        using (var client = service.Client(reporters[0]))
        {
            (await client.PostAsJsonAsync($"/api/comments/{featured}/reports", new { reason = "other", note = "" })).EnsureSuccessStatusCode();
        }

        (await anyone.PostAsync($"/api/moderation/comments/{featured}/feature", null)).EnsureSuccessStatusCode();
        return (reacted, featured, [.. reporters.Take(2)]);
    }

    /// <summary>
    /// A reader's comment, edited once, that a moderator rejects (an audit record besides the five imported comments' records), settings, a
    /// poll with a vote, and a closed multiple-choice poll with two.
    /// </summary>
    private async Task DecideAndVoteAsync(string article, string editor)
    {
        using var reader = service.Client(service.Mint(ServiceFixture.Fresh("reader")));
        using var moderator = service.Client(service.Mint(ServiceFixture.Fresh("mod"), "moderator"));
        using var editing = service.Client(editor);
        var posted = await (await reader.PostAsJsonAsync($"/api/articles/{article}/comments", new { body = Texts.Civil })).Content.ReadFromJsonAsync<JsonElement>();
        var edit = await reader.PatchAsJsonAsync($"/api/comments/{posted.GetProperty("id").GetString()}", new { body = Texts.Civil + " Edited." });
        Assert.True(edit.IsSuccessStatusCode, await edit.Content.ReadAsStringAsync());
        var edited = await edit.Content.ReadFromJsonAsync<JsonElement>();
        var decision = await moderator.PostAsJsonAsync(
            $"/api/moderation/comments/{posted.GetProperty("id").GetString()}/decision",
            new { action = "reject", reason = "off-topic", note = "", revision = edited.GetProperty("revision").GetInt64() });
        decision.EnsureSuccessStatusCode();
        (await editing.PutAsJsonAsync($"/api/articles/{article}/settings", new { premoderation = true, holdThreshold = 0.7 })).EnsureSuccessStatusCode();
        var poll = await (await editing.PostAsJsonAsync($"/api/articles/{article}/polls", new { question = "Build it?", options = new[] { "Yes", "No" } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        (await reader.PostAsJsonAsync($"/api/polls/{poll.GetProperty("id").GetString()}/votes", new { optionId = "o1" })).EnsureSuccessStatusCode();
        var several = await (await editing.PostAsJsonAsync($"/api/articles/{article}/polls", new
        {
            question = "Which stops?", options = new[] { "Quay", "Market", "Station" }, kind = "multiple", maxChoices = 2, resultsVisibility = "after-vote",
        })).Content.ReadFromJsonAsync<JsonElement>();
        var severalId = several.GetProperty("id").GetString()!;
        using var second = service.Client(service.Mint(ServiceFixture.Fresh("reader")));
        (await reader.PostAsJsonAsync($"/api/polls/{severalId}/votes", new { optionIds = new[] { "o3", "o1" } })).EnsureSuccessStatusCode();
        (await second.PostAsJsonAsync($"/api/polls/{severalId}/votes", new { optionIds = new[] { "o2" } })).EnsureSuccessStatusCode();
        (await editing.PostAsync($"/api/polls/{severalId}/close", null)).EnsureSuccessStatusCode();
    }

    /// <summary>The lines of those types; in a poll line the results' asOf and version, which are the installation's own, are left out.</summary>
    private static string[] Lines(string path, params string[] types) =>
        [.. File.ReadLines(path)
            .Where(line => types.Any(type => line.Contains($"\"type\":\"{type}\"", StringComparison.Ordinal)))
            .Select(line => Regex.Replace(line, "\"(asOf|version)\":[^,}]*", "\"$1\":_"))];
}
