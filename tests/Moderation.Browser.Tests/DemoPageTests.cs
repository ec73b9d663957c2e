using Microsoft.Playwright;
using Moderation.Silo.Web;
using static Microsoft.Playwright.Assertions;

namespace Moderation.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DemoPageTests(BrowserSilo silo)
{
    [Fact]
    public async Task The_demo_article_shows_the_story_its_seeded_poll_and_conversation_under_its_content_security_policy()
    {
        await using var reader = await silo.NewSessionAsync();
        var response = await reader.Page.GotoAsync("/");

        Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"]);
        await Expect(reader.Page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("El Salvador offers to house prisoners from the United States");
        await Expect(reader.Poll.Locator("legend")).ToHaveTextAsync(DemoArticle.Question);
        await Expect(reader.Poll.GetByRole(AriaRole.Radio)).ToHaveCountAsync(DemoArticle.Options.Length);
        await Expect(reader.Comments.GetByText("Sign in to join the conversation.")).ToBeVisibleAsync();
        foreach (var comment in DemoArticle.Comments.Where(comment => comment.ReplyTo is null))
        {
            await Expect(reader.CommentWithText(comment.Body)).ToBeVisibleAsync();
        }

        foreach (var held in DemoArticle.Held)
        {
            await Expect(reader.Comments.GetByText(held.Body)).ToHaveCountAsync(0);
        }

        var withReply = reader.CommentWithText(DemoArticle.Comments[0].Body);
        await withReply.GetByRole(AriaRole.Button, new() { Name = "1 reply" }).ClickAsync();
        await Expect(withReply.Locator(":scope > .moderation-replies")).ToContainTextAsync(DemoArticle.Comments[3].Body);

        // The seeded votes, and any a screenshot run added since.
        await reader.Poll.GetByRole(AriaRole.Button, new() { Name = "See results" }).ClickAsync();
        await Expect(reader.Poll.Locator(".moderation-total")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+ votes$"));
        var total = int.Parse((await reader.Poll.Locator(".moderation-total").TextContentAsync())!.Split(' ')[0]);
        Assert.InRange(total, DemoArticle.SeedVotes.Sum(), DemoArticle.SeedVotes.Sum() + 1);
        Assert.Empty(reader.Errors);
    }

    [Fact]
    public async Task The_moderator_console_shows_the_demo_comment_the_filter_held_with_its_score_and_reason()
    {
        await using var moderator = await silo.NewSessionAsync();
        await moderator.OpenConsoleAsync(DemoArticle.Id);

        var held = moderator.Page.Locator(".item").Filter(new() { HasText = DemoArticle.Held[0].Body[..30] });
        await Expect(held).ToBeVisibleAsync();
        await Expect(held.Locator(".score")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(0\.9\d|1\.00)$"));
        await Expect(held.Locator(".reason")).ToHaveTextAsync("toxicity");
        await Expect(moderator.Page.Locator("[data-count=pending]")).Not.ToHaveTextAsync("");

        await moderator.Page.GetByRole(AriaRole.Tab, new() { Name = "Approved" }).ClickAsync();
        await Expect(moderator.Page.GetByRole(AriaRole.Tab, new() { Name = "Approved" })).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(moderator.Page.Locator("#empty")).ToBeVisibleAsync();
        await moderator.Page.GetByRole(AriaRole.Tab, new() { Name = "Pending" }).ClickAsync();
        await Expect(held).ToHaveAttributeAsync("aria-current", "true");
        Assert.Empty(moderator.Errors);
    }
}
