using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Moderation.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class EditWidgetTests(BrowserSilo silo)
{
    [Fact]
    public async Task An_author_fixes_a_typo_within_the_window_and_another_reader_sees_it_marked_edited()
    {
        var articleId = ServiceApi.NewArticleId("edit-widget");
        await using var author = await silo.NewSessionAsync();
        await using var other = await silo.NewSessionAsync();
        await author.OpenArticleAsync(articleId);
        await author.SignInAsync("Eddie Author");
        var typo = "The council's figures on the bridge repairs were clear and well sourced, thank yuo.";
        var fixedText = "The council's figures on the bridge repairs were clear and well sourced, thank you.";
        await author.Comments.GetByLabel("Your comment").FillAsync(typo);
        await author.Comments.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        var mine = author.CommentWithText(typo);
        await Expect(mine).ToBeVisibleAsync();

        await mine.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await author.Comments.GetByLabel("Edit your comment").FillAsync(fixedText);
        await author.Comments.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var edited = author.CommentWithText(fixedText);
        await Expect(edited).ToBeVisibleAsync();
        await Expect(edited.Locator(".moderation-meta")).ToContainTextAsync("edited");
        await Expect(edited).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("moderation-pending"));
        await other.OpenArticleAsync(articleId);
        await Expect(other.CommentWithText(fixedText).Locator(".moderation-meta")).ToContainTextAsync("edited");
        await Expect(other.CommentWithText(fixedText).GetByRole(AriaRole.Button, new() { Name = "Edit" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_comment_edited_into_abuse_is_held_and_shown_to_its_author_only()
    {
        var articleId = ServiceApi.NewArticleId("edit-widget-abuse");
        await using var author = await silo.NewSessionAsync();
        await using var other = await silo.NewSessionAsync();
        await author.OpenArticleAsync(articleId);
        await author.SignInAsync("Ivy Turncoat");
        var civil = "A fair summary of the planning meeting, and the timeline was useful.";
        await author.Comments.GetByLabel("Your comment").FillAsync(civil);
        await author.Comments.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        var mine = author.CommentWithText(civil);
        await Expect(mine).ToBeVisibleAsync();

        await mine.GetByRole(AriaRole.Button, new() { Name = "Edit" }).ClickAsync();
        await author.Comments.GetByLabel("Edit your comment").FillAsync("You are a worthless pathetic idiot, shut up you stupid fucking moron.");
        await author.Comments.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(author.Comments.Locator(".moderation-badge-pending")).ToHaveTextAsync("Awaiting review: only you can see this");
        await other.OpenArticleAsync(articleId);
        await Expect(other.Comments.GetByText("No comments yet. Be the first.")).ToBeVisibleAsync();

        await using var moderator = await silo.NewSessionAsync();
        await moderator.OpenConsoleAsync(articleId);
        var item = moderator.Page.Locator(".item").Filter(new() { HasText = "worthless" });
        await Expect(item.Locator(".reason").Filter(new() { HasText = "edited" })).ToHaveCountAsync(1);
        await item.GetByText("Edited by its author: 1 earlier text").ClickAsync();
        await Expect(item.Locator(".versions")).ToContainTextAsync(civil);
    }
}
