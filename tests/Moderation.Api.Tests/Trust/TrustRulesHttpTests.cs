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
