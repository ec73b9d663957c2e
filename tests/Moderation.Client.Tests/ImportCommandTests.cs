using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Client.Http;

namespace Moderation.Client.Tests;

/// <summary><c>moderation import disqus|wordpress</c> against the real service, with small exports written for the tests.</summary>
[Collection(ServiceCollection.Name)]
public sealed class ImportCommandTests(ServiceFixture service)
{
    [Fact]
    public async Task A_disqus_export_imports_with_replies_before_parents_statuses_html_and_a_map_and_a_second_run_changes_nothing()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var file = ImportFiles.Write("disqus.xml", ImportFiles.Disqus(suffix));
        var map = ImportFiles.Write("map.csv", $"# election night had no identifier\nhttps://news.example/?p=77&s={suffix},election-{suffix}\n");
        var editor = service.Mint(ServiceFixture.Fresh("editor"), "editor");

        var first = await service.RunAsync("import", "disqus", file, "--map", map, "--batch-size", "1", "--token", editor);
        var second = await service.RunAsync("import", "disqus", file, "--map", map, "--token", editor);

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("Stored 7 comments; 0 were stored before (3 pass(es) over the file).", first.Output);
        Assert.Contains("Left out 1 replies whose parent is not in the file.", first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains("Stored 0 comments; 7 were stored before", second.Output);
        using var client = service.Client(service.Mint(ServiceFixture.Fresh("mod"), "moderator"));
        Assert.Equal((3, 1, 1), (await CountAsync(client, $"harbour-{suffix}"), await CountAsync(client, $"council-{suffix}"), await CountAsync(client, $"election-{suffix}")));
        var top = (await client.GetFromJsonAsync<JsonElement>($"/api/articles/harbour-{suffix}/comments?sort=oldest")).GetProperty("items")[0];
        Assert.Equal("The harbour plan is \"sound\".\n\nZ\u00fcrich did the same & it worked. \u65e5\u672c\u8a9e\u3082OK", top.GetProperty("body").GetString());
        Assert.Equal(DateTimeOffset.Parse("2019-03-01T09:00:00Z"), top.GetProperty("createdAt").GetDateTimeOffset());
        var reply = (await client.GetFromJsonAsync<JsonElement>($"/api/comments/{top.GetProperty("id").GetString()}/replies")).GetProperty("items")[0];
        Assert.Equal(("I agree with this.", 1), (reply.GetProperty("body").GetString(), reply.GetProperty("replyCount").GetInt32()));
        var spam = (await client.GetFromJsonAsync<JsonElement>($"/api/moderation/queue?state=rejected&articleId=harbour-{suffix}")).GetProperty("items");
        Assert.Equal("Cheap watches at example.biz", spam[0].GetProperty("comment").GetProperty("body").GetString());
        await AssertRecountFindsNothingAsync(client, $"harbour-{suffix}", 5);
    }

    [Fact]
    public async Task An_interrupted_import_is_resumed_by_running_it_again()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var file = ImportFiles.Write("disqus.xml", ImportFiles.Disqus(suffix));
        var editor = service.Mint(ServiceFixture.Fresh("editor"), "editor");

        var interrupted = await Cli.RunAsync(
            _ => new FailingAfter(2, service.Factory.Server.CreateHandler()), "import", "disqus", file, "--batch-size", "2", "--token", editor);
        var resumed = await service.RunAsync("import", "disqus", file, "--token", editor);

        Assert.True(interrupted.ExitCode == ClientHost.Unreachable, interrupted.Output);
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Contains("were stored before", resumed.Output);
        Assert.Contains("Stored 4 comments; 2 were stored before", resumed.Output);
        Assert.Contains("Left out 2 comments whose thread maps to no article id", resumed.Output);
        using var client = service.Client(service.Mint(ServiceFixture.Fresh("mod"), "moderator"));
        Assert.Equal((3, 1), (await CountAsync(client, $"harbour-{suffix}"), await CountAsync(client, $"council-{suffix}")));
        await AssertRecountFindsNothingAsync(client, $"harbour-{suffix}", 5);
    }

    [Fact]
    public async Task A_wordpress_export_imports_approved_pending_spam_and_trash_and_leaves_pingbacks_out()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var file = ImportFiles.Write("wordpress.xml", ImportFiles.WordPress(suffix));
        var editor = service.Mint(ServiceFixture.Fresh("editor"), "editor");

        var run = await service.RunAsync("import", "wordpress", file, "--token", editor);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Stored 5 comments; 0 were stored before (1 pass(es) over the file).", run.Output);
        using var client = service.Client(service.Mint(ServiceFixture.Fresh("mod"), "moderator"));
        var article = $"bridge-{suffix}";
        Assert.Equal(2, await CountAsync(client, article));
        var top = (await client.GetFromJsonAsync<JsonElement>($"/api/articles/{article}/comments?sort=oldest")).GetProperty("items")[0];
        Assert.Equal(("Finally! It took two years.", "\u00c9lodie", 1), (top.GetProperty("body").GetString(), top.GetProperty("authorName").GetString(), top.GetProperty("replyCount").GetInt32()));
        var pending = (await client.GetFromJsonAsync<JsonElement>($"/api/moderation/queue?state=pending&articleId={article}")).GetProperty("items");
        Assert.Equal("Not approved yet", Assert.Single(pending.EnumerateArray()).GetProperty("comment").GetProperty("body").GetString());
        var rejected = (await client.GetFromJsonAsync<JsonElement>($"/api/moderation/queue?state=rejected&articleId={article}")).GetProperty("items");
        Assert.Equal("Buy now", Assert.Single(rejected.EnumerateArray()).GetProperty("comment").GetProperty("body").GetString());
        await AssertRecountFindsNothingAsync(client, article, 5);
    }

    [Fact]
    public async Task A_reader_may_not_import_and_a_missing_file_is_said_plainly()
    {
        var file = ImportFiles.Write("wordpress.xml", ImportFiles.WordPress(Guid.NewGuid().ToString("N")[..8]));

        var denied = await service.RunAsync("import", "wordpress", file, "--token", service.Mint(ServiceFixture.Fresh("reader")));
        var missing = await service.RunAsync("import", "disqus", file + ".gone", "--token", service.Mint(ServiceFixture.Fresh("editor"), "editor"));

        Assert.Equal(ClientHost.ServiceRefused, denied.ExitCode);
        Assert.Equal(ClientHost.InvalidUse, missing.ExitCode);
        Assert.Contains("There is no file", missing.Output);
    }

    private static async Task<int> CountAsync(HttpClient client, string article) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/articles/{article}")).GetProperty("commentCount").GetInt32();

    private static async Task AssertRecountFindsNothingAsync(HttpClient client, string article, int comments)
    {
        using var response = await client.PostAsync($"/api/articles/{article}/recount", null);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(
            (comments, report.GetProperty("publishedBefore").GetInt32(), 0),
            (report.GetProperty("commentsScanned").GetInt32(), report.GetProperty("published").GetInt32(), report.GetProperty("replyCountsCorrected").GetInt32()));
    }

    /// <summary>Passes the first requests through, then fails every one as a dropped connection would.</summary>
    private sealed class FailingAfter(int requests, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _sent;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _sent) > requests
                ? throw new HttpRequestException("The connection dropped.")
                : base.SendAsync(request, cancellationToken);
    }
}
