using Microsoft.Playwright;
using Moderation.Testing;
using static Microsoft.Playwright.Assertions;

namespace Moderation.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ReactionsWidgetTests(BrowserSilo silo)
{
    [Fact]
    public async Task A_reader_reacts_to_a_comment_sorts_by_most_respected_and_sees_the_featured_badge()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("reactions");
        var older = "The older remark: the council should publish the inspection reports in full.";
        var newer = "The newer remark: the figures on staffing were missing from the piece.";
        var olderId = await ServiceApi.PostCommentAsync(client, articleId, "reaction-ann", older);
        await ServiceApi.PostCommentAsync(client, articleId, "reaction-bob", newer);
        await using var reader = await silo.NewSessionAsync();
        await reader.OpenArticleAsync(articleId);
        await reader.SignInAsync("Rhea Reactor");

        var target = reader.CommentWithText(older);
        await target.GetByRole(AriaRole.Button, new() { Name = "Respect 0" }).ClickAsync();
        var pressed = target.GetByRole(AriaRole.Button, new() { Name = "Respect 1" });
        await Expect(pressed).ToHaveAttributeAsync("aria-pressed", "true");

        await reader.Comments.GetByLabel("Sort by").SelectOptionAsync("top");
        await Expect(reader.Comments.Locator(".moderation-thread > .moderation-comment").First).ToContainTextAsync(older);
        await Expect(reader.CommentWithText(older).GetByRole(AriaRole.Button, new() { Name = "Respect 1" })).ToHaveAttributeAsync("aria-pressed", "true");

        using var feature = new HttpRequestMessage(HttpMethod.Post, $"/api/moderation/comments/{olderId}/feature");
        feature.Headers.Authorization = new("Bearer", await client.DevTokenAsync("reaction-editor", "editor"));
        (await client.SendAsync(feature)).EnsureSuccessStatusCode();
        await reader.Comments.GetByLabel("Sort by").SelectOptionAsync("featured");
        await Expect(reader.Comments.Locator(".moderation-thread > .moderation-comment")).ToHaveCountAsync(1);
        await Expect(reader.CommentWithText(older).Locator(".moderation-badge-featured")).ToHaveTextAsync("Featured");
        Assert.Empty(reader.Errors);
    }
}

[Collection(BrowserCollection.Name)]
public sealed class FeatureFromConsoleTests(BrowserSilo silo)
{
    [Fact]
    public async Task A_moderator_approves_features_and_reads_the_authors_history_in_the_console_and_readers_see_the_badge()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("console-feature");
        var text = $"you are a stupid idiot, shut up you moron {Guid.NewGuid().ToString("N")[..6]}";
        await ServiceApi.PostCommentAsync(client, articleId, "fay", text);
        await using var moderator = await silo.NewSessionAsync();
        await moderator.OpenConsoleAsync(articleId);
        var items = moderator.Page.Locator(".item");
        await Expect(items).ToHaveCountAsync(1);

        await items.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Author history" }).ClickAsync();
        await Expect(items.Nth(0).Locator(".history")).ToContainTextAsync("Published 0, pending 1, rejected 0");
        await items.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Expect(items).ToHaveCountAsync(0);
        await moderator.Page.GetByRole(AriaRole.Tab, new() { Name = "Approved" }).ClickAsync();
        await Expect(items).ToHaveCountAsync(1);
        var feature = items.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Feature" });
        await feature.ClickAsync();
        await Expect(feature).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(moderator.Page.Locator("#announcer")).ToContainTextAsync("Featured the comment.");

        await using var reader = await silo.NewSessionAsync();
        await reader.OpenArticleAsync(articleId);
        await Expect(reader.CommentWithText(text).Locator(".moderation-badge-featured")).ToHaveTextAsync("Featured");
        Assert.Empty(moderator.Errors);
        Assert.Empty(reader.Errors);
    }
}
