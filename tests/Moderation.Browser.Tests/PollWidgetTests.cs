using System.Net.Http.Json;
using Microsoft.Playwright;
using Moderation.Testing;
using static Microsoft.Playwright.Assertions;

namespace Moderation.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PollWidgetTests(BrowserSilo silo)
{
    [Fact]
    public async Task A_reader_votes_with_the_keyboard_and_the_bars_move_to_the_new_results()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("poll-vote");
        await ServiceApi.CreatePollAsync(client, articleId);
        await using var reader = await silo.NewSessionAsync();
        await reader.OpenArticleAsync(articleId);
        await reader.SignInAsync("Vera Voter");

        await reader.Poll.GetByRole(AriaRole.Button, new() { Name = "See results" }).ClickAsync();
        await Expect(reader.ResultRow("o1").Locator(".moderation-percent")).ToHaveTextAsync("0%");
        await Expect(reader.ResultRow("o1").Locator(".moderation-bar-fill")).ToHaveAttributeAsync("style", "--moderation-share: 0;");
        await reader.Poll.GetByRole(AriaRole.Button, new() { Name = "Back to voting" }).ClickAsync();

        var yes = reader.Poll.GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true });
        await yes.FocusAsync();
        await reader.Page.Keyboard.PressAsync("Space");
        await Expect(yes).ToBeCheckedAsync();
        await reader.Page.Keyboard.PressAsync("Tab");
        await Expect(reader.Poll.GetByRole(AriaRole.Button, new() { Name = "Vote" })).ToBeFocusedAsync();
        await reader.Page.Keyboard.PressAsync("Enter");

        await Expect(reader.ResultRow("o1")).ToHaveAttributeAsync("data-votes", "1");
        await Expect(reader.ResultRow("o1").Locator(".moderation-percent")).ToHaveTextAsync("100%");
        await Expect(reader.ResultRow("o1").Locator(".moderation-bar-fill")).ToHaveAttributeAsync("style", "--moderation-share: 1;");
        await Expect(reader.ResultRow("o2").Locator(".moderation-percent")).ToHaveTextAsync("0%");
        await Expect(reader.Poll.Locator(".moderation-total")).ToHaveTextAsync("1 vote");
        await Expect(reader.Poll.Locator("[aria-live=polite]")).ToContainTextAsync("Your vote for Yes was counted.");
        await Expect(reader.Poll.Locator(".moderation-status")).ToHaveTextAsync("You voted “Yes”.");
        Assert.Empty(reader.Errors);
    }

    [Fact]
    public async Task Results_read_after_a_vote_that_are_older_than_what_the_stream_brought_do_not_undo_it()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("poll-late-read");
        await ServiceApi.CreatePollAsync(client, articleId, allowAnonymous: true);
        await using var reader = await silo.NewSessionAsync();
        string? resultsBeforeTheVote = null;
        // The read after the vote answers late, with the results from before it, once the stream has brought the vote.
        await reader.Page.RouteAsync("**/api/polls/*/results", async route =>
        {
            var response = await route.FetchAsync();
            if (resultsBeforeTheVote is null)
            {
                resultsBeforeTheVote = await response.TextAsync();
                await route.FulfillAsync(new() { Response = response });
                return;
            }

            await reader.Page.WaitForFunctionAsync("() => document.querySelector('[data-moderation-poll]').moderationPoll.results?.totalVotes === 1");
            await route.FulfillAsync(new() { Response = response, Body = resultsBeforeTheVote });
        });
        await reader.OpenArticleAsync(articleId);

        await reader.Poll.GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }).CheckAsync();
        await reader.Poll.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();

        await Expect(reader.Poll.Locator("[aria-live=polite]")).ToContainTextAsync("Your vote for Yes was counted.");
        await Expect(reader.ResultRow("o1")).ToHaveAttributeAsync("data-votes", "1");
        await Expect(reader.Poll.Locator(".moderation-total")).ToHaveTextAsync("1 vote");
        Assert.Empty(reader.Errors);
    }

    [Fact]
    public async Task The_host_page_themes_the_widget_with_custom_properties_and_it_fits_a_phone_screen()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("poll-theme");
        await ServiceApi.CreatePollAsync(client, articleId, allowAnonymous: true);
        await using var reader = await silo.NewSessionAsync(width: 360, height: 740);
        await reader.OpenArticleAsync(articleId);
        var vote = reader.Poll.GetByRole(AriaRole.Button, new() { Name = "Vote" });
        await Expect(vote).ToHaveCSSAsync("background-color", "rgb(31, 95, 191)");

        await reader.Poll.EvaluateAsync("element => element.style.setProperty('--moderation-accent', 'rgb(200, 30, 40)')");

        await Expect(vote).ToHaveCSSAsync("background-color", "rgb(200, 30, 40)");
        var overflow = await reader.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page scrolls sideways by {overflow} px on a 360 px screen.");
        var box = await reader.Poll.BoundingBoxAsync();
        Assert.True(box!.X >= 0 && box.X + box.Width <= 360, $"The poll spans {box.X} to {box.X + box.Width} px.");
    }

    [Fact]
    public async Task A_vote_from_a_second_browser_appears_live_in_the_first()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("poll-live");
        await ServiceApi.CreatePollAsync(client, articleId);
        await using var first = await silo.NewSessionAsync();
        await using var second = await silo.NewSessionAsync();

        await first.OpenArticleAsync(articleId);
        await first.SignInAsync("First Reader");
        await first.Poll.GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true }).CheckAsync();
        await first.Poll.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();
        await Expect(first.Poll.Locator(".moderation-total")).ToHaveTextAsync("1 vote");

        await second.OpenArticleAsync(articleId);
        await second.SignInAsync("Second Reader");
        await second.Poll.GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true }).CheckAsync();
        await second.Poll.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();
        await Expect(second.Poll.Locator(".moderation-total")).ToHaveTextAsync("2 votes");

        // The first page did nothing: the new totals came over its event stream.
        await Expect(first.Poll.Locator(".moderation-total")).ToHaveTextAsync("2 votes");
        await Expect(first.ResultRow("o2")).ToHaveAttributeAsync("data-votes", "1");
        await Expect(first.ResultRow("o1").Locator(".moderation-percent")).ToHaveTextAsync("50%");
        await Expect(first.ResultRow("o2").Locator(".moderation-bar-fill")).ToHaveAttributeAsync("style", "--moderation-share: 0.5;");
        Assert.Empty(first.Errors);
        Assert.Empty(second.Errors);
    }

    [Fact]
    public async Task Without_a_reader_token_a_poll_that_allows_it_takes_an_anonymous_vote_and_one_that_does_not_asks_to_sign_in()
    {
        using var client = silo.CreateClient();
        var open = ServiceApi.NewArticleId("poll-anon");
        var closed = ServiceApi.NewArticleId("poll-signin");
        await ServiceApi.CreatePollAsync(client, open, allowAnonymous: true);
        await ServiceApi.CreatePollAsync(client, closed, allowAnonymous: false);
        await using var reader = await silo.NewSessionAsync();

        await reader.OpenArticleAsync(closed);
        await Expect(reader.Poll.GetByText("Sign in to vote.")).ToBeVisibleAsync();
        await Expect(reader.Poll.GetByRole(AriaRole.Button, new() { Name = "Vote" })).ToBeDisabledAsync();

        await reader.OpenArticleAsync(open);
        await reader.Poll.GetByRole(AriaRole.Radio, new() { Name = "Not sure", Exact = true }).CheckAsync();
        await reader.Poll.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();
        await Expect(reader.ResultRow("o3")).ToHaveAttributeAsync("data-votes", "1");

        // The anonymous token is kept: a reload shows the reader's vote, not a fresh ballot.
        await reader.Page.ReloadAsync();
        await Expect(reader.Poll.Locator(".moderation-status")).ToHaveTextAsync("You voted “Not sure”.");
        await Expect(reader.Poll.Locator(".moderation-total")).ToHaveTextAsync("1 vote");
    }

    [Fact]
    public async Task A_reader_with_the_page_open_sees_the_poll_open_at_the_time_an_editor_moved_its_opening_to()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("poll-moved-opening");
        var opensAt = DateTimeOffset.UtcNow.AddSeconds(8);
        var pollId = await ServiceApi.CreatePollAsync(client, articleId, new
        {
            question = "Open soon?", options = new[] { "Yes", "No" }, opensAt,
        });
        await using var reader = await silo.NewSessionAsync();
        await reader.OpenArticleAsync(articleId);
        await reader.SignInAsync("Vera Voter");
        var yes = reader.Poll.GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true });
        await Expect(yes).ToBeDisabledAsync();

        var movedTo = opensAt.AddSeconds(6);
        using var move = new HttpRequestMessage(HttpMethod.Put, $"/api/polls/{pollId}/schedule") { Content = JsonContent.Create(new { opensAt = movedTo }) };
        move.Headers.Authorization = new("Bearer", await client.DevTokenAsync("edith", "editor"));
        (await client.SendAsync(move)).EnsureSuccessStatusCode();
        Assert.True(DateTimeOffset.UtcNow < opensAt, "The test's own steps took past the first opening.");
        await Task.Delay(opensAt.AddSeconds(1) - DateTimeOffset.UtcNow);

        // Past the first opening the ballot still waits for the moved one, then opens.
        Assert.True(DateTimeOffset.UtcNow < movedTo, "The test's own steps took past the moved opening.");
        await Expect(yes).ToBeDisabledAsync();
        await Expect(yes).ToBeEnabledAsync(new() { Timeout = 15_000 });
        Assert.True(DateTimeOffset.UtcNow >= movedTo.AddMilliseconds(-500), "The ballot opened before the moved opening.");
        Assert.Empty(reader.Errors);
    }

    [Fact]
    public async Task A_poll_opening_in_forty_days_still_waits_after_the_browser_clock_passes_setTimeouts_limit()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("poll-far-opening");
        await ServiceApi.CreatePollAsync(client, articleId, new
        {
            question = "Open in forty days?", options = new[] { "Yes", "No" }, opensAt = DateTimeOffset.UtcNow.AddDays(40),
        });
        await using var reader = await silo.NewSessionAsync();
        await reader.Page.Clock.InstallAsync();
        await reader.OpenArticleAsync(articleId);
        await reader.SignInAsync("Vera Voter");
        var yes = reader.Poll.GetByRole(AriaRole.Radio, new() { Name = "Yes", Exact = true });
        await Expect(yes).ToBeDisabledAsync();

        // Past 2^31-1 ms (24.8 days), where one long setTimeout would have fired and shown the poll open.
        // Playwright takes at most int.MaxValue milliseconds in one step.
        await reader.Page.Clock.FastForwardAsync((long)TimeSpan.FromDays(12.5).TotalMilliseconds);
        await reader.Page.Clock.FastForwardAsync((long)TimeSpan.FromDays(12.5).TotalMilliseconds);
        await reader.Page.Clock.RunForAsync((long)TimeSpan.FromMinutes(30).TotalMilliseconds);

        await Expect(reader.Poll).ToContainTextAsync("Voting opens");
        await Expect(yes).ToBeDisabledAsync();
        Assert.Empty(reader.Errors);
    }
}
