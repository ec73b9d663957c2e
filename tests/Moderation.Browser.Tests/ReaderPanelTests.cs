using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Moderation.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ReaderPanelTests(BrowserSilo silo)
{
    [Fact]
    public async Task An_author_hears_of_a_reply_posted_in_another_browser_and_lists_their_own_comments()
    {
        var articleId = ServiceApi.NewArticleId("reader-panel");
        await using var author = await silo.NewSessionAsync();
        await using var replier = await silo.NewSessionAsync();
        await author.OpenArticleAsync(articleId);
        await author.SignInAsync("Nora Noticed");
        var text = "The bridge timeline in this piece was the clearest account I have read so far.";
        await author.Comments.GetByLabel("Your comment").FillAsync(text);
        await author.Comments.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Expect(author.CommentWithText(text)).ToBeVisibleAsync();
        var bell = author.Page.GetByRole(AriaRole.Button, new() { Name = "Notifications" });
        await Expect(bell).ToContainTextAsync("0");

        await replier.OpenArticleAsync(articleId);
        await replier.SignInAsync("Rex Replier");
        var target = replier.CommentWithText(text);
        await target.GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true }).ClickAsync();
        await target.GetByLabel("Reply to Nora Noticed").FillAsync("Agreed, and the costs were laid out plainly too.");
        await target.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();

        await Expect(bell).ToContainTextAsync("1");
        await bell.ClickAsync();
        await Expect(author.Page.Locator(".demo-notices")).ToContainTextAsync("Rex Replier replied to your comment.");
        await Expect(bell).ToContainTextAsync("0");
        await author.Page.GetByRole(AriaRole.Button, new() { Name = "My comments" }).ClickAsync();
        await Expect(author.Page.Locator(".demo-mine")).ToContainTextAsync("published");
        await Expect(author.Page.Locator(".demo-mine")).ToContainTextAsync("The bridge timeline");
        await Expect(replier.Page.GetByRole(AriaRole.Button, new() { Name = "Notifications" })).ToContainTextAsync("0");
    }
}
