using System.Net.Http.Json;
using Microsoft.Playwright;
using Moderation.Testing;
using static Microsoft.Playwright.Assertions;

namespace Moderation.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ModeratorConsoleTests(BrowserSilo silo)
{
    [Fact]
    public async Task A_moderator_works_the_queue_by_keyboard_j_k_reject_with_a_reason_and_ban()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("console-keys");
        var worst = "you are a stupid idiot, shut up you moron";
        var milder = "what a moron, honestly";
        await ServiceApi.PostCommentAsync(client, articleId, "kim", worst);
        await ServiceApi.PostCommentAsync(client, articleId, "lee", milder);
        await using var moderator = await silo.NewSessionAsync();
        await moderator.OpenConsoleAsync(articleId);

        var items = moderator.Page.Locator(".item");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(moderator.Page.Locator("[data-count=pending]")).ToHaveTextAsync("2");
        // Sorted by score: the worst first, and selected.
        await Expect(items.Nth(0)).ToContainTextAsync(worst);
        await Expect(items.Nth(0)).ToHaveAttributeAsync("aria-current", "true");

        await moderator.Page.Keyboard.PressAsync("j");
        await Expect(items.Nth(1)).ToHaveAttributeAsync("aria-current", "true");
        await moderator.Page.Keyboard.PressAsync("k");
        await Expect(items.Nth(0)).ToHaveAttributeAsync("aria-current", "true");
        await moderator.Page.Keyboard.PressAsync("j");

        await items.Nth(1).GetByLabel("Reason to reject").SelectOptionAsync("spam");
        await moderator.Page.Keyboard.PressAsync("Escape");
        await moderator.Page.Locator("h1").ClickAsync();
        await moderator.Page.Keyboard.PressAsync("r");
        await Expect(items).ToHaveCountAsync(1);
        await Expect(moderator.Page.Locator("#announcer")).ToContainTextAsync("Rejected the comment by lee.");
        await Expect(moderator.Page.Locator("[data-count=pending]")).ToHaveTextAsync("1");

        await moderator.Page.Keyboard.PressAsync("b");
        var confirm = items.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Ban kim" });
        await Expect(confirm).ToBeFocusedAsync();
        await moderator.Page.Keyboard.PressAsync("Enter");
        await Expect(moderator.Page.Locator("#announcer")).ToContainTextAsync("Banned kim; 1 held comments rejected.");
        await Expect(items).ToHaveCountAsync(0);

        await moderator.Page.GetByRole(AriaRole.Tab, new() { Name = "Rejected" }).ClickAsync();
        await Expect(items).ToHaveCountAsync(2);
        Assert.Empty(moderator.Errors);
    }

    [Fact]
    public async Task New_held_comments_appear_in_an_open_console_without_a_reload()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("console-live");
        await using var moderator = await silo.NewSessionAsync();
        await moderator.OpenConsoleAsync(articleId);
        await Expect(moderator.Page.Locator("#empty")).ToBeVisibleAsync();

        await ServiceApi.PostCommentAsync(client, articleId, "newcomer", "shut up, idiot");

        await Expect(moderator.Page.Locator(".item")).ToHaveCountAsync(1);
        await Expect(moderator.Page.Locator("[data-count=pending]")).ToHaveTextAsync("1");
        Assert.Empty(moderator.Errors);
    }

    [Fact]
    public async Task A_queue_read_that_answers_after_the_moderator_switched_queues_does_not_replace_the_new_queue()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("console-late-read");
        var approved = "what a moron, honestly, approved after all";
        var approvedId = await ServiceApi.PostCommentAsync(client, articleId, "ada", approved);
        using (var decision = new HttpRequestMessage(HttpMethod.Post, $"/api/moderation/comments/{approvedId}/decision")
        {
            Content = JsonContent.Create(new { action = "approve", revision = 1 }),
        })
        {
            decision.Headers.Authorization = new("Bearer", await client.DevTokenAsync("late-read-mod", "moderator"));
            (await client.SendAsync(decision)).EnsureSuccessStatusCode();
        }

        await ServiceApi.PostCommentAsync(client, articleId, "bo", "you are a stupid idiot, shut up");
        await using var moderator = await silo.NewSessionAsync();
        var holdPendingReads = false;
        var pendingReadHeld = new TaskCompletionSource();
        var approvedShown = new TaskCompletionSource();
        var lateAnswered = new TaskCompletionSource();
        // Once the console is live, a read of the pending queue answers only after the approved queue is on the screen.
        await moderator.Page.RouteAsync("**/api/moderation/queue?state=pending*", async route =>
        {
            if (!Volatile.Read(ref holdPendingReads))
            {
                await route.ContinueAsync();
                return;
            }

            var response = await route.FetchAsync();
            pendingReadHeld.TrySetResult();
            await approvedShown.Task;
            await route.FulfillAsync(new() { Response = response });
            lateAnswered.TrySetResult();
        });
        await moderator.OpenConsoleAsync(articleId);
        var items = moderator.Page.Locator(".item");
        await Expect(items).ToHaveCountAsync(1);
        await Expect(moderator.Page.Locator("#live")).ToHaveTextAsync("Live");
        Volatile.Write(ref holdPendingReads, true);

        await ServiceApi.PostCommentAsync(client, articleId, "cy", "shut up, idiot");
        await pendingReadHeld.Task;
        await moderator.Page.GetByRole(AriaRole.Tab, new() { Name = "Approved" }).ClickAsync();
        await Expect(items).ToHaveCountAsync(1);
        await Expect(items.Nth(0)).ToContainTextAsync(approved);
        approvedShown.SetResult();
        await lateAnswered.Task;
        // The late answer's body is read and handled in the page's next tasks; a quiet moment lets them run.
        await moderator.Page.EvaluateAsync("() => new Promise((resolve) => setTimeout(resolve, 500))");

        await Expect(items).ToHaveCountAsync(1);
        await Expect(items.Nth(0)).ToContainTextAsync(approved);
        Assert.Empty(moderator.Errors);
    }

    [Fact]
    public async Task A_decision_in_one_console_shows_in_another_at_once_without_a_reload()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("console-two");
        await ServiceApi.PostCommentAsync(client, articleId, "ana", "you are a stupid idiot, shut up");
        await ServiceApi.PostCommentAsync(client, articleId, "ben", "what a moron, honestly");
        await using var first = await silo.NewSessionAsync();
        await using var second = await silo.NewSessionAsync();
        await first.OpenConsoleAsync(articleId, "Mia");
        await second.OpenConsoleAsync(articleId, "Noah");
        var firstItems = first.Page.Locator(".item");
        var secondItems = second.Page.Locator(".item");
        await Expect(firstItems).ToHaveCountAsync(2);
        await Expect(secondItems).ToHaveCountAsync(2);
        await Expect(second.Page.Locator("#live")).ToHaveTextAsync("Live");

        await firstItems.Filter(new() { HasText = "what a moron" }).GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Expect(secondItems).ToHaveCountAsync(1);
        await Expect(secondItems.Nth(0)).ToContainTextAsync("stupid idiot");
        await Expect(second.Page.Locator("#announcer")).ToContainTextAsync("approved the comment by ben");
        await Expect(second.Page.Locator("[data-count=pending]")).ToHaveTextAsync("1");
        await second.Page.GetByRole(AriaRole.Tab, new() { Name = "Approved" }).ClickAsync();
        await Expect(secondItems).ToHaveCountAsync(1);

        await ServiceApi.PostCommentAsync(client, articleId, "cleo", "shut up, idiot");
        await Expect(firstItems).ToHaveCountAsync(2);
        Assert.Empty(first.Errors);
        Assert.Empty(second.Errors);
    }

    [Fact]
    public async Task A_queue_read_that_answers_after_a_newer_one_does_not_bring_back_a_comment_another_moderator_decided()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("console-late-read");
        await ServiceApi.PostCommentAsync(client, articleId, "late-ana", "you are a stupid idiot, shut up");
        await ServiceApi.PostCommentAsync(client, articleId, "late-ben", "what a moron, honestly");
        await using var first = await silo.NewSessionAsync();
        await using var second = await silo.NewSessionAsync();
        await first.OpenConsoleAsync(articleId, "Mia");
        await second.OpenConsoleAsync(articleId, "Noah");
        var secondItems = second.Page.Locator(".item");
        await Expect(first.Page.Locator(".item")).ToHaveCountAsync(2);
        await Expect(secondItems).ToHaveCountAsync(2);
        await Expect(second.Page.Locator("#live")).ToHaveTextAsync("Live");

        // The next queue read of the second console is taken before the decision and answers only after the read that
        // the decision brought has been shown.
        var lateRead = new TaskCompletionSource<IAPIResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var lateAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var armed = 1;
        await second.Page.RouteAsync("**/api/moderation/queue?*", async route =>
        {
            if (Interlocked.Exchange(ref armed, 0) == 0)
            {
                await route.ContinueAsync();
                return;
            }

            var stale = await route.FetchAsync();
            lateRead.SetResult(stale);
            await Expect(second.Page.Locator("[data-count=pending]")).ToHaveTextAsync("1");
            await route.FulfillAsync(new() { Response = stale });
            lateAnswered.SetResult();
        });
        // A held comment on another article makes the console read its queue again.
        await ServiceApi.PostCommentAsync(client, ServiceApi.NewArticleId("elsewhere"), "late-cleo", "shut up, idiot");
        Assert.Contains("what a moron", await (await lateRead.Task).TextAsync());

        await first.Page.Locator(".item").Filter(new() { HasText = "what a moron" }).GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await lateAnswered.Task;
        // Let the page take the late answer in (a read answer is a fetch and a JSON parse: a few tasks).
        await second.Page.EvaluateAsync("() => new Promise((resolve) => setTimeout(resolve, 300))");

        await Expect(secondItems).ToHaveCountAsync(1);
        await Expect(secondItems.Nth(0)).ToContainTextAsync("stupid idiot");
        await Expect(second.Page.Locator("[data-count=pending]")).ToHaveTextAsync("1");
        Assert.Empty(second.Errors);
    }
}
