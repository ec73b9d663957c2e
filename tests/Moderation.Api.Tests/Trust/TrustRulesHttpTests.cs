using System.Net;
using System.Text.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Testing;

namespace Moderation.Api.Tests.Trust;

/// <summary>The trust rules over HTTP, with the settings of <see cref="TrustSilo"/>.</summary>
[Collection(TrustSiloCollection.Name)]
public sealed class TrustRulesHttpTests(TrustSilo silo) : IAsyncLifetime
{
    private const string Civil = "Thank you for this careful report on the council budget.";

    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_readers_first_two_comments_wait_as_new_reader_and_the_third_is_published()
    {
        var article = CommentClient.NewArticle("new-reader");
        using var author = await Factory.ReaderAsync("new-reader");
        using var moderator = await Factory.ModeratorAsync();

        var first = await author.CommentAsync(article, Civil);
        var second = await author.CommentAsync(article, Civil + " Again.");
        var third = await author.CommentAsync(article, Civil + " Once more.");

        Assert.Equal(["pending", "pending", "published"], new[] { first, second, third }.Select(comment => comment.Status()));
        var queue = await QueueAsync(moderator, article);
        Assert.Equal(2, queue.Count);
        Assert.All(queue, item => Assert.Equal(["new-reader"], Reasons(item)));
    }

    [Fact]
    public async Task A_link_waits_while_its_author_has_no_approved_comment_and_a_comment_without_one_does_not()
    {
        var article = CommentClient.NewArticle("link");
        using var author = await Factory.ReaderAsync("link");
        using var moderator = await Factory.ModeratorAsync();
        await PastNewReaderAsync(author, article);

        var withLink = await author.CommentAsync(article, "The full budget is at www.example.org/budget if anyone wants it.");
        var withUrl = await author.CommentAsync(article, "Or here: https://example.org/budget.pdf");
        var plain = await author.CommentAsync(article, Civil + " Plainly.");

        Assert.Equal(["pending", "pending", "published"], new[] { withLink, withUrl, plain }.Select(comment => comment.Status()));
        var held = (await QueueAsync(moderator, article)).Where(item => Reasons(item).Contains("link")).ToList();
        Assert.Equal(2, held.Count);
        Assert.All(held, item => Assert.Equal(["link"], Reasons(item)));
    }

    [Fact]
    public async Task A_link_from_a_reader_with_an_approved_comment_is_published()
    {
        var article = CommentClient.NewArticle("link-trusted");
        using var author = await Factory.ReaderAsync("link-trusted");
        using var moderator = await Factory.ModeratorAsync();
        var (first, _) = await PastNewReaderAsync(author, article);
        await DecideOkAsync(moderator, first.Id(), "approve");

        var withLink = await author.CommentAsync(article, "The full budget is at https://example.org/budget.pdf");

        Assert.Equal("published", withLink.Status());
    }

    [Fact]
    public async Task Two_rejections_within_the_window_premoderate_the_reader_as_recent_rejections()
    {
        var article = CommentClient.NewArticle("rejections");
        using var author = await Factory.ReaderAsync("rejections");
        using var moderator = await Factory.ModeratorAsync();
        var (first, second) = await PastNewReaderAsync(author, article);
        await DecideOkAsync(moderator, first.Id(), "reject");
        await DecideOkAsync(moderator, second.Id(), "reject");

        var next = await author.CommentAsync(article, Civil + " After the rejections.");

        Assert.Equal("pending", next.Status());
        var item = (await QueueAsync(moderator, article)).Single(entry => entry.GetProperty("comment").Id() == next.Id());
        Assert.Equal(["recent-rejections"], Reasons(item));
    }

    [Fact]
    public async Task One_rejection_and_an_overturned_one_do_not_premoderate_the_reader()
    {
        var article = CommentClient.NewArticle("overturned");
        using var author = await Factory.ReaderAsync("overturned");
        using var moderator = await Factory.ModeratorAsync();
        var (first, second) = await PastNewReaderAsync(author, article);
        await DecideOkAsync(moderator, first.Id(), "reject");
        await DecideOkAsync(moderator, second.Id(), "reject");
        await DecideOkAsync(moderator, second.Id(), "approve", revision: 2);

        var next = await author.CommentAsync(article, Civil + " After one rejection.");

        Assert.Equal("published", next.Status());
    }

    [Fact]
    public async Task An_article_overrides_the_sites_counts_and_an_empty_trust_object_gives_it_the_sites_again()
    {
        var article = CommentClient.NewArticle("trust-override");
        using var editor = await Factory.ReaderAsync("editor", "editor");
        using var author = await Factory.ReaderAsync("trust-override");

        var overridden = await SettingsOkAsync(editor, article, new { trust = new { newReaderComments = 0, linkApprovedComments = 0 } });
        var first = await author.CommentAsync(article, "Full figures at https://example.org/budget.pdf");
        var reset = await SettingsOkAsync(editor, article, new { trust = new { } });
        var second = await author.CommentAsync(article, Civil + " Now as the site says.");

        Assert.Equal(0, overridden.GetProperty("trust").GetProperty("newReaderComments").GetInt32());
        Assert.Equal(JsonValueKind.Null, overridden.GetProperty("trust").GetProperty("recentRejections").ValueKind);
        Assert.Equal("published", first.Status());
        Assert.Equal(JsonValueKind.Null, reset.GetProperty("trust").ValueKind);
        Assert.Equal("pending", second.Status());
    }

    [Theory]
    [InlineData("""{"trust":{"newReaderComments":-1}}""")]
    [InlineData("""{"trust":{"recentRejections":1001}}""")]
    public async Task A_trust_count_out_of_range_is_400_and_changes_nothing(string body)
    {
        var article = CommentClient.NewArticle("trust-invalid");
        using var editor = await Factory.ReaderAsync("editor", "editor");
        await SettingsOkAsync(editor, article, new { trust = new { linkApprovedComments = 5 } });

        using var response = await editor.PutAsync($"/api/articles/{article}/settings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("trust", out _), problem.GetRawText());
        var read = await editor.GetJsonAsync($"/api/articles/{article}");
        Assert.Equal(5, read.GetProperty("trust").GetProperty("linkApprovedComments").GetInt32());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("trust").GetProperty("newReaderComments").ValueKind);
    }

    private static async Task<JsonElement> SettingsOkAsync(HttpClient editor, string article, object settings)
    {
        using var response = await editor.SettingsAsync(article, settings);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Posts the two comments that the new-reader rule holds.</summary>
    private static async Task<(JsonElement First, JsonElement Second)> PastNewReaderAsync(HttpClient author, string article) =>
        (await author.CommentAsync(article, Civil + " First."), await author.CommentAsync(article, Civil + " Second."));

    private static async Task DecideOkAsync(HttpClient moderator, string commentId, string action, long revision = 1)
    {
        using var response = await moderator.DecideAsync(commentId, action, revision, action == "reject" ? "off-topic" : null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<List<JsonElement>> QueueAsync(HttpClient moderator, string article) =>
        [.. (await moderator.GetJsonAsync($"/api/moderation/queue?state=pending&articleId={article}")).GetProperty("items").EnumerateArray()];

    private static string[] Reasons(JsonElement item) =>
        [.. item.GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString()!)];
}
