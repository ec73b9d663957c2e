using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Testing;

namespace Moderation.Api.Tests.Imports;

[Collection(RedisServerSiloCollection.Name)]
public sealed class ExportHttpTests(SharedSiloOnRedisServer silo) : IAsyncLifetime
{
    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_site_export_streams_a_header_every_article_with_comments_its_comments_and_an_end_line_with_the_counts()
    {
        var article = CommentClient.NewArticle("export-site");
        using var editor = await Factory.ReaderAsync("export-editor", "editor");
        await editor.ImportAsync(
            ImportClient.Comment("a", article, null, "First"),
            ImportClient.Comment("b", article, "a", "Second", "deleted", minutes: 1));

        using var response = await editor.GetAsync("/api/export");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("export", lines[0].GetProperty("type").GetString());
        Assert.Contains(lines, line => line.GetProperty("type").GetString() == "article" && line.GetProperty("id").GetString() == article);
        var comments = lines.Where(line => line.GetProperty("type").GetString() == "comment" && line.GetProperty("articleId").GetString() == article).ToArray();
        Assert.Equal(["published", "deleted"], comments.Select(line => line.GetProperty("status").GetString()));
        Assert.Equal(comments[0].GetProperty("id").GetString(), comments[1].GetProperty("parentId").GetString());
        var end = lines[^1];
        Assert.Equal("end", end.GetProperty("type").GetString());
        Assert.Equal(lines.Count(line => line.GetProperty("type").GetString() == "comment"), end.GetProperty("comments").GetInt64());
    }

    [Fact]
    public async Task An_articles_audit_restored_into_the_installation_it_came_from_finds_every_record_there_and_adds_none()
    {
        var article = CommentClient.NewArticle("export-back");
        using var moderator = await Factory.ReaderAsync("export-moderator", "moderator");
        using var author = await Factory.ReaderAsync("export-author");
        await moderator.ImportAsync(ImportClient.Comment("a", article, null, "First"));
        var held = await author.CommentAsync(article, CommentClient.Abusive);
        using (var decided = await moderator.DecideAsync(held.Id(), "reject", held.GetProperty("revision").GetInt64(), "abusive"))
        {
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }

        var audit = await AuditLinesAsync(moderator, article);
        Assert.True(audit.Length >= 3, $"Only {audit.Length} audit lines were exported.");

        using var restore = await moderator.PostAsJsonAsync("/api/imports/audit", new { records = audit });
        var restored = await moderator.GetJsonAsync("/api/moderation/audit?commentId=" + held.Id());
        var again = await AuditLinesAsync(moderator, article);

        var answer = JsonDocument.Parse(await restore.Content.ReadAsStringAsync()).RootElement;
        Assert.True(restore.StatusCode == HttpStatusCode.OK, answer.ToString());
        Assert.Equal(0, answer.GetProperty("stored").GetInt32());
        Assert.Equal(audit.Length, answer.GetProperty("existed").GetInt32());
        Assert.Equal(audit.Length, again.Length);
        Assert.Equal(2, restored.GetProperty("items").GetArrayLength());
    }

    private static async Task<JsonElement[]> AuditLinesAsync(HttpClient client, string article)
    {
        var text = await client.GetStringAsync($"/api/export?articleId={article}");
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)
            .Where(line => line.GetProperty("type").GetString() == "audit")];
    }

    [Fact]
    public async Task A_malformed_article_id_is_refused_and_readers_may_not_export()
    {
        using var editor = await Factory.ReaderAsync("export-editor", "editor");
        using var reader = await Factory.ReaderAsync("export-reader");

        using var malformed = await editor.GetAsync("/api/export?articleId=" + Uri.EscapeDataString("no/slash"));
        using var denied = await reader.GetAsync("/api/export");

        await ProblemAssert.Expect(malformed, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }
}
