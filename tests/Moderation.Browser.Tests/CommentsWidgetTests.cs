using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Moderation.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class CommentsWidgetTests(BrowserSilo silo)
{
    // Scores far above the hold threshold: checked against the model below, not assumed.
    private const string Abuse = "you are a stupid idiot, shut up you moron";

    [Fact]
    public async Task A_clean_comment_is_published_at_once_and_reaches_another_reader_live()
    {
        var articleId = ServiceApi.NewArticleId("comment-clean");
        await using var author = await silo.NewSessionAsync();
        await using var other = await silo.NewSessionAsync();
        await other.OpenArticleAsync(articleId);
        await Expect(other.Comments.GetByText("No comments yet. Be the first.")).ToBeVisibleAsync();

        await author.OpenArticleAsync(articleId);
        await author.SignInAsync("Clara Clean");
        var text = "The cost per prisoner matters less than who oversees the conditions.";
        await author.Comments.GetByLabel("Your comment").FillAsync(text);
        await author.Comments.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();

        var mine = author.CommentWithText(text);
        await Expect(mine).ToBeVisibleAsync();
        await Expect(mine).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("moderation-pending"));
        await Expect(mine.Locator(".moderation-author")).ToHaveTextAsync("Clara Clean");
        await Expect(author.Comments.Locator(".moderation-heading")).ToHaveTextAsync("Comments (1)");

        await Expect(other.CommentWithText(text)).ToBeVisibleAsync();
        await Expect(other.Comments.Locator(".moderation-heading")).ToHaveTextAsync("Comments (1)");

        // The other reader signs in and reports it; their own comments would have no report button.
        await other.SignInAsync("Rita Reporter");
        var seen = other.CommentWithText(text);
        await seen.GetByRole(AriaRole.Button, new() { Name = "Report" }).ClickAsync();
        await seen.GetByLabel("Why are you reporting this comment?").SelectOptionAsync("spam");
        await seen.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Expect(seen.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thanks, a moderator will look at it.");
        await Expect(mine.GetByRole(AriaRole.Button, new() { Name = "Report" })).ToHaveCountAsync(0);

        // And replies: the reply shows under the comment for its author, and the count moves live for the other.
        var reply = "Agreed, and the article should say who would inspect them.";
        await seen.GetByRole(AriaRole.Button, new() { Name = "Reply", Exact = true }).ClickAsync();
        await seen.GetByLabel("Reply to Clara Clean").FillAsync(reply);
        await seen.GetByRole(AriaRole.Button, new() { Name = "Post reply" }).ClickAsync();
        await Expect(seen.Locator(":scope > .moderation-replies")).ToContainTextAsync(reply);
        await Expect(seen.GetByRole(AriaRole.Button, new() { Name = "Hide replies" })).ToBeVisibleAsync();
        await mine.GetByRole(AriaRole.Button, new() { Name = "1 reply" }).ClickAsync();
        await Expect(mine.Locator(":scope > .moderation-replies")).ToContainTextAsync(reply);
        await Expect(author.Comments.Locator(".moderation-heading")).ToHaveTextAsync("Comments (2)");
        Assert.Empty(author.Errors);
        Assert.Empty(other.Errors);
    }

    [Fact]
    public async Task A_toxic_comment_gets_the_nudge_then_waits_for_review_and_appears_once_a_moderator_approves_it()
    {
        using var client = silo.CreateClient();
        var marker = Guid.NewGuid().ToString("N")[..6];
        var text = $"{Abuse} {marker}";
        Assert.True(await ServiceApi.ScoreAsync(client, text) >= await ServiceApi.HoldThresholdAsync(client));
        var articleId = ServiceApi.NewArticleId("comment-held");
        await using var reader = await silo.NewSessionAsync();
        await using var bystander = await silo.NewSessionAsync();
        await using var moderator = await silo.NewSessionAsync();

        await reader.OpenArticleAsync(articleId);
        await reader.SignInAsync("Tom Toxic");
        await reader.Comments.GetByLabel("Your comment").FillAsync(text);
        await reader.Comments.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();

        var nudge = reader.Comments.Locator(".moderation-nudge");
        await Expect(nudge).ToContainTextAsync("This may be held for review");
        await Expect(reader.CommentWithText(marker)).ToHaveCountAsync(0);
        await nudge.GetByRole(AriaRole.Button, new() { Name = "Post anyway" }).ClickAsync();

        var pending = reader.CommentWithText(marker);
        await Expect(pending).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("moderation-pending"));
        await Expect(pending).ToContainTextAsync("Awaiting review: only you can see this");
        await bystander.OpenArticleAsync(articleId);
        await Expect(bystander.Comments.GetByText("No comments yet. Be the first.")).ToBeVisibleAsync();

        // The author still sees it as theirs and held after a reload.
        await reader.Page.ReloadAsync();
        await Expect(reader.CommentWithText(marker)).ToContainTextAsync("Awaiting review");

        await moderator.OpenConsoleAsync(articleId);
        var item = moderator.Page.Locator(".item").Filter(new() { HasText = marker });
        await Expect(item).ToBeVisibleAsync();
        await Expect(moderator.Page.Locator("[data-count=pending]")).ToHaveTextAsync("1");
        await Expect(item.Locator("mark").Filter(new() { HasText = "idiot" })).ToBeVisibleAsync();
        await Expect(item.Locator("mark").Filter(new() { HasText = "stupid" })).ToBeVisibleAsync();
        await Expect(item).ToHaveAttributeAsync("aria-current", "true");
        await moderator.Page.Keyboard.PressAsync("a");
        await Expect(item).ToHaveCountAsync(0);
        await Expect(moderator.Page.Locator("#announcer")).ToContainTextAsync("Approved the comment by Tom Toxic.");

        var published = reader.CommentWithText(marker);
        await Expect(published).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("moderation-pending"));
        await Expect(published).Not.ToContainTextAsync("Awaiting review");
        await Expect(bystander.CommentWithText(marker)).ToBeVisibleAsync();
        Assert.Empty(reader.Errors);
        Assert.Empty(moderator.Errors);
    }

    [Fact]
    public async Task Markup_in_a_comment_is_shown_as_text_on_the_article_and_in_the_console_and_never_runs()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("comment-xss");
        var clean = "Look: <img src=x onerror=alert(1)> and <script>alert(2)</script> in a comment.";
        var held = $"<img src=x onerror=alert(3)><script>alert(4)</script> {Abuse}";
        Assert.True(await ServiceApi.ScoreAsync(client, clean) < await ServiceApi.HoldThresholdAsync(client));
        await using var reader = await silo.NewSessionAsync();
        await using var moderator = await silo.NewSessionAsync();

        await reader.OpenArticleAsync(articleId);
        await reader.SignInAsync("Mallory Markup");
        await reader.Comments.GetByLabel("Your comment").FillAsync(clean);
        await reader.Comments.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Expect(reader.CommentWithText("<img src=x onerror=alert(1)>")).ToBeVisibleAsync();

        await reader.Page.ReloadAsync();
        var shown = reader.CommentWithText("<script>alert(2)</script>");
        await Expect(shown.Locator(".moderation-body")).ToHaveTextAsync(clean);
        await Expect(reader.Comments.Locator("img")).ToHaveCountAsync(0);
        await Expect(reader.Comments.Locator("script")).ToHaveCountAsync(0);

        // Another reader (one reader may post once every few seconds) posts markup that the filter holds.
        await reader.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await reader.SignInAsync("Mallory Again");
        await reader.Comments.GetByLabel("Your comment").FillAsync(held);
        await reader.Comments.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await reader.Comments.GetByRole(AriaRole.Button, new() { Name = "Post anyway" }).ClickAsync();
        await Expect(reader.Comments.Locator(".moderation-pending")).ToHaveCountAsync(1);

        await moderator.OpenConsoleAsync(articleId);
        var item = moderator.Page.Locator(".item").Filter(new() { HasText = "<script>alert(4)</script>" });
        await Expect(item.Locator(".text")).ToContainTextAsync("<img src=x onerror=alert(3)>");
        await Expect(moderator.Page.Locator("#queue img")).ToHaveCountAsync(0);
        await Expect(moderator.Page.Locator("#queue script")).ToHaveCountAsync(0);

        Assert.Empty(reader.Dialogs);
        Assert.Empty(moderator.Dialogs);
        Assert.Empty(reader.Errors);
        Assert.Empty(moderator.Errors);
    }
}
