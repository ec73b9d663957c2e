using Microsoft.Playwright;
using Moderation.Testing;
using static Microsoft.Playwright.Assertions;

namespace Moderation.Browser.Tests;

/// <summary>The comments widget where reads answer late or the reader's reactions meet the live stream.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CommentsWidgetRaceTests(BrowserSilo silo)
{
    [Fact]
    public async Task A_reader_who_reacted_to_a_reply_sees_it_pressed_after_a_reload_and_can_take_it_back()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("reply-reaction");
        var parentId = await ServiceApi.PostCommentAsync(client, articleId, "reply-react-ann", "The river survey should be published before the vote.");
        var reply = "Agreed, and the survey's costs should be in it as well.";
        await ServiceApi.PostCommentAsync(client, articleId, "reply-react-bob", reply, parentId);
        await using var reader = await silo.NewSessionAsync();
        await reader.OpenArticleAsync(articleId);
        await reader.SignInAsync("Rita Replies");
        // The reply's own header, text and actions: its list item sits inside its parent's.
        var replyItem = reader.Comments.Locator("article").Filter(new() { HasText = reply });
        await reader.Comments.GetByRole(AriaRole.Button, new() { Name = "1 reply" }).ClickAsync();
        await replyItem.GetByRole(AriaRole.Button, new() { Name = "Respect 0" }).ClickAsync();
        await Expect(replyItem.GetByRole(AriaRole.Button, new() { Name = "Respect 1" })).ToHaveAttributeAsync("aria-pressed", "true");

        await reader.Page.ReloadAsync();
        await reader.Comments.GetByRole(AriaRole.Button, new() { Name = "1 reply" }).ClickAsync();
        var reacted = replyItem.GetByRole(AriaRole.Button, new() { Name = "Respect 1" });
        await Expect(reacted).ToHaveAttributeAsync("aria-pressed", "true");
        await reacted.ClickAsync();

        await Expect(replyItem.GetByRole(AriaRole.Button, new() { Name = "Respect 0" })).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.Empty(reader.Errors);
    }
}
