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

    [Fact]
    public async Task A_page_of_the_sort_the_reader_left_that_answers_late_does_not_join_the_new_sort()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("late-sort");
        var picked = "The picked remark: the ferry timetable change was explained well.";
        var other = "The other remark: the article left out the cost of the new ferries.";
        var pickedId = await ServiceApi.PostCommentAsync(client, articleId, "late-sort-ann", picked);
        await ServiceApi.PostCommentAsync(client, articleId, "late-sort-bob", other);
        using var feature = new HttpRequestMessage(HttpMethod.Post, $"/api/moderation/comments/{pickedId}/feature");
        feature.Headers.Authorization = new("Bearer", await client.DevTokenAsync("late-sort-editor", "editor"));
        (await client.SendAsync(feature)).EnsureSuccessStatusCode();
        await using var reader = await silo.NewSessionAsync();
        var featuredShown = new TaskCompletionSource();
        var lateAnswered = new TaskCompletionSource();
        // The top page answers only once the featured page the reader chose next is on the screen.
        await reader.Page.RouteAsync("**/comments?sort=top*", async route =>
        {
            var response = await route.FetchAsync();
            await featuredShown.Task;
            await route.FulfillAsync(new() { Response = response });
            lateAnswered.SetResult();
        });
        await reader.OpenArticleAsync(articleId);
        await Expect(reader.CommentWithText(other)).ToBeVisibleAsync();

        var sort = reader.Comments.GetByLabel("Sort by");
        await sort.SelectOptionAsync("top");
        await sort.SelectOptionAsync("featured");
        var shown = reader.Comments.Locator(".moderation-thread > .moderation-comment");
        await Expect(shown).ToHaveCountAsync(1);
        featuredShown.SetResult();
        await lateAnswered.Task;
        // The late answer's body is read and handled in the page's next tasks; a quiet moment lets them run.
        await reader.Page.EvaluateAsync("() => new Promise((resolve) => setTimeout(resolve, 500))");

        await Expect(shown).ToHaveCountAsync(1);
        await Expect(shown.First).ToContainTextAsync(picked);
        Assert.Empty(reader.Errors);
    }

    [Fact]
    public async Task A_reaction_answered_after_the_stream_brought_a_reply_keeps_the_reply_count()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("react-meets-reply");
        var text = "The school meals figures deserve a follow-up piece.";
        var commentId = await ServiceApi.PostCommentAsync(client, articleId, "react-reply-ann", text);
        await using var reader = await silo.NewSessionAsync();
        // The reaction answers only once the stream has brought a reply and the widget counted it.
        await reader.Page.RouteAsync("**/reaction", async route =>
        {
            var response = await route.FetchAsync();
            await ServiceApi.PostCommentAsync(client, articleId, "react-reply-bob", "They do, the costs rose twice this year.", commentId);
            await reader.Page.WaitForFunctionAsync(
                "() => document.querySelector('[data-moderation-comments] .moderation-replies-toggle:not([hidden])') !== null");
            await route.FulfillAsync(new() { Response = response });
        });
        await reader.OpenArticleAsync(articleId);
        await reader.SignInAsync("Rory Reacts");

        await reader.CommentWithText(text).GetByRole(AriaRole.Button, new() { Name = "Respect 0" }).ClickAsync();

        await Expect(reader.CommentWithText(text).GetByRole(AriaRole.Button, new() { Name = "Respect 1" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(reader.CommentWithText(text).GetByRole(AriaRole.Button, new() { Name = "1 reply" })).ToBeVisibleAsync();
        Assert.Empty(reader.Errors);
    }

    [Fact]
    public async Task A_reader_who_signs_in_on_an_open_page_sees_the_comments_they_reacted_to_as_pressed()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("sign-in-reactions");
        var text = "The harbour plan finally names who pays for the dredging.";
        var commentId = await ServiceApi.PostCommentAsync(client, articleId, "sign-in-ann", text);
        // Reacted earlier, on another device: the demo's sign-in makes the subject from the name.
        using (var reaction = new HttpRequestMessage(HttpMethod.Put, $"/api/comments/{commentId}/reaction"))
        {
            reaction.Headers.Authorization = new("Bearer", await client.DevTokenAsync("sigrid-signs-in"));
            (await client.SendAsync(reaction)).EnsureSuccessStatusCode();
        }

        await using var reader = await silo.NewSessionAsync();
        await reader.OpenArticleAsync(articleId);
        await Expect(reader.CommentWithText(text).Locator(".moderation-react")).ToHaveTextAsync("Respect 1");

        await reader.SignInAsync("Sigrid Signs In");

        var reacted = reader.CommentWithText(text).GetByRole(AriaRole.Button, new() { Name = "Respect 1" });
        await Expect(reacted).ToHaveAttributeAsync("aria-pressed", "true");
        await reacted.ClickAsync();
        await Expect(reader.CommentWithText(text).GetByRole(AriaRole.Button, new() { Name = "Respect 0" })).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.Empty(reader.Errors);
    }
}
