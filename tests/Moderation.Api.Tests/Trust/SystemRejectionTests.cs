using System.Net.Http.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Api.Tests.ModerationStream;
using Moderation.Testing;

namespace Moderation.Api.Tests.Trust;

/// <summary>
/// The gate's rejection of a banned word, as moderators see it live and as the trust rules count it. On the trust
/// rules' own service, so that its word list touches no other test.
/// </summary>
[Collection(TrustSiloCollection.Name)]
public sealed class SystemRejectionTests(TrustSilo silo) : IAsyncLifetime
{
    private const string Banned = "flumbrixer";

    private SiloFactory Factory => silo.Factory;

    public async Task InitializeAsync()
    {
        await Factory.WaitUntilReadyAsync();
        using var editor = await Factory.ReaderAsync("editor", "editor");
        using var response = await editor.PutAsJsonAsync("/api/moderation/rules/words", new { banned = new[] { Banned }, suspect = Array.Empty<string>() });
        response.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Moderators_see_a_banned_word_rejection_live_as_a_decision_by_the_system()
    {
        using var moderator = await Factory.ModeratorAsync();
        var (stream, _, _) = await SseReader.OpenUntilReadyAsync(moderator, "/api/moderation/events");
        await using var _ = stream;
        using var author = await Factory.ReaderAsync("system-rejected");

        var comment = await author.CommentAsync(CommentClient.NewArticle("system-rejected"), $"What a {Banned}.");

        var decided = await stream.NextAboutAsync(comment.Id());
        Assert.Equal("comment.decided", decided.Name);
        Assert.Equal(("system", "reject", "rejected", "banned-word"), (decided.Text("by"), decided.Text("action"), decided.Text("status"), decided.Text("reason")));
    }

    [Fact]
    public async Task Banned_word_rejections_count_toward_recent_rejections_and_not_as_posts()
    {
        var article = CommentClient.NewArticle("banned-twice");
        using var author = await Factory.ReaderAsync("banned-twice");
        using var moderator = await Factory.ModeratorAsync();

        var first = await author.CommentAsync(article, $"A {Banned}.");
        var second = await author.CommentAsync(article, $"Still a {Banned}.");
        var civil = await author.CommentAsync(article, "Fair enough, I take it back.");

        Assert.Equal(["rejected", "rejected", "pending"], new[] { first, second, civil }.Select(comment => comment.Status()));
        var item = (await moderator.GetJsonAsync($"/api/moderation/queue?state=pending&articleId={article}")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(["new-reader", "recent-rejections"], item.GetProperty("reasons").EnumerateArray().Select(reason => reason.GetString()!).Order());
    }
}
