using System.Net.Http.Json;
using Microsoft.Playwright;
using Moderation.Testing;
using static Microsoft.Playwright.Assertions;

namespace Moderation.Browser.Tests;

/// <summary>The console's editors' page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PollsPageTests(BrowserSilo silo)
{
    [Fact]
    public async Task An_editor_sees_a_polls_live_totals_draws_its_timeline_and_its_signed_in_results_then_closes_it()
    {
        using var client = silo.CreateClient();
        var pollId = await ServiceApi.CreatePollAsync(client, ServiceApi.NewArticleId("polls-page"));
        foreach (var (reader, option) in new[] { ("page-voter-1", "o1"), ("page-voter-2", "o1"), ("page-voter-3", "o2") })
        {
            using var vote = new HttpRequestMessage(HttpMethod.Post, $"/api/polls/{pollId}/votes") { Content = JsonContent.Create(new { optionId = option }) };
            vote.Headers.Authorization = new("Bearer", await client.DevTokenAsync(reader));
            (await client.SendAsync(vote)).EnsureSuccessStatusCode();
        }

        await using var session = await silo.NewSessionAsync();
        await session.Page.GotoAsync("/polls");
        await session.Page.GetByLabel("Sign in as editor").FillAsync("Edith Editor");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        var poll = session.Page.Locator($".poll-item[data-poll-id='{pollId}']");
        await Expect(poll).ToContainTextAsync("3 votes", new() { Timeout = 15_000 });

        await poll.Locator("summary").ClickAsync();
        await Expect(poll.Locator("svg.timeline rect").First).ToBeVisibleAsync();
        await Expect(poll.Locator("svg.timeline")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("at most 3 in one|at most 2 in one|at most 1 in one"));
        await Expect(poll.Locator(".signals")).ToContainTextAsync("3 of 3");
        await poll.GetByLabel("Results of signed-in readers only").CheckAsync();
        await Expect(poll.Locator(".poll-totals")).ToContainTextAsync("Yes 2 (67%)");
        await Screenshots.PageAsync(session.Page, "polls-page.png");

        await poll.GetByRole(AriaRole.Button, new() { Name = "Close now" }).ClickAsync();
        await Expect(poll).ToContainTextAsync("closed, 3 votes");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task An_editor_sees_a_scale_polls_totals_per_value_and_its_timeline_with_a_legend_per_value()
    {
        using var client = silo.CreateClient();
        var pollId = await ServiceApi.CreatePollAsync(client, ServiceApi.NewArticleId("polls-page-scale"), new
        {
            question = "How far do you agree?", kind = "scale",
            scale = new { min = 1, max = 3, minLabel = "Not at all", maxLabel = "Fully" },
        });
        foreach (var (reader, value) in new[] { ("page-scale-1", 3), ("page-scale-2", 3), ("page-scale-3", 1) })
        {
            using var vote = new HttpRequestMessage(HttpMethod.Post, $"/api/polls/{pollId}/votes") { Content = JsonContent.Create(new { value }) };
            vote.Headers.Authorization = new("Bearer", await client.DevTokenAsync(reader));
            (await client.SendAsync(vote)).EnsureSuccessStatusCode();
        }

        await using var session = await SignedInEditorAsync();
        var poll = session.Page.Locator($".poll-item[data-poll-id='{pollId}']");
        await Expect(poll).ToContainTextAsync("3 votes", new() { Timeout = 15_000 });

        await Expect(poll.Locator(".poll-totals li")).ToHaveTextAsync(["1 (Not at all) 1 (33%)", "2 0 (0%)", "3 (Fully) 2 (67%)"]);
        await poll.Locator("summary").ClickAsync();
        await Expect(poll.Locator("svg.timeline rect").First).ToBeVisibleAsync();
        await Expect(poll.Locator(".legend li")).ToHaveTextAsync(["1 (Not at all)", "2", "3 (Fully)"]);
        await poll.GetByLabel("Results of signed-in readers only").CheckAsync();
        await Expect(poll.Locator(".poll-totals li").Last).ToHaveTextAsync("3 (Fully) 2 (67%)");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task An_editor_can_close_or_schedule_a_poll_that_has_not_opened_yet()
    {
        using var client = silo.CreateClient();
        var pollId = await ServiceApi.CreatePollAsync(client, ServiceApi.NewArticleId("polls-page-scheduled"), new
        {
            question = "Not open yet?", options = new[] { "Yes", "No" }, opensAt = DateTimeOffset.UtcNow.AddDays(1),
        });

        await using var session = await SignedInEditorAsync();
        var poll = session.Page.Locator($".poll-item[data-poll-id='{pollId}']");
        await Expect(poll).ToContainTextAsync("scheduled, 0 votes", new() { Timeout = 15_000 });
        await poll.GetByLabel("Closes at, for \"Not open yet?\"").FillAsync("2099-01-01T12:00");
        await poll.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(poll).ToContainTextAsync("closes ");

        await poll.GetByRole(AriaRole.Button, new() { Name = "Close now" }).ClickAsync();
        await Expect(poll).ToContainTextAsync("closed, 0 votes");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task An_editor_moves_the_opening_of_a_poll_not_open_yet_and_then_opens_it_now()
    {
        using var client = silo.CreateClient();
        var pollId = await ServiceApi.CreatePollAsync(client, ServiceApi.NewArticleId("polls-page-opening"), new
        {
            question = "Open later?", options = new[] { "Yes", "No" }, opensAt = DateTimeOffset.UtcNow.AddDays(1),
        });

        await using var session = await SignedInEditorAsync();
        var poll = session.Page.Locator($".poll-item[data-poll-id='{pollId}']");
        await Expect(poll).ToContainTextAsync("scheduled, 0 votes", new() { Timeout = 15_000 });
        await poll.GetByLabel("Opens at, for \"Open later?\"").FillAsync("2099-01-01T12:00");
        await poll.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Expect(poll).ToContainTextAsync("opens ");
        using var editor = client.WithToken(await client.DevTokenAsync("edith", "editor"));
        var moved = await editor.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/polls/{pollId}");
        Assert.Equal(2099, moved.GetProperty("opensAt").GetDateTimeOffset().Year);

        await poll.GetByRole(AriaRole.Button, new() { Name = "Open now" }).ClickAsync();
        await Expect(poll).ToContainTextAsync("open, 0 votes");
        await Expect(poll.GetByRole(AriaRole.Button, new() { Name = "Open now" })).ToHaveCountAsync(0);
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_list_read_that_answers_after_a_close_does_not_show_the_poll_open_again()
    {
        using var client = silo.CreateClient();
        var pollId = await ServiceApi.CreatePollAsync(client, ServiceApi.NewArticleId("polls-page-late-list"));
        await using var session = await SignedInEditorAsync();
        var poll = session.Page.Locator($".poll-item[data-poll-id='{pollId}']");
        await Expect(poll).ToContainTextAsync("open, 0 votes", new() { Timeout = 15_000 });
        var held = new TaskCompletionSource();
        var released = new TaskCompletionSource();
        var holding = 0;
        // The page's next timed read of the list is held with its answer from before the close, until the close shows.
        await session.Page.RouteAsync("**/api/polls?limit=50", async route =>
        {
            var response = await route.FetchAsync();
            if (Interlocked.Exchange(ref holding, 1) == 1)
            {
                await route.FulfillAsync(new() { Response = response });
                return;
            }

            held.SetResult();
            await session.Page.WaitForFunctionAsync(
                $"() => document.querySelector(\".poll-item[data-poll-id='{pollId}'] .keys\")?.textContent.startsWith('closed')");
            await route.FulfillAsync(new() { Response = response });
            released.SetResult();
        });
        await held.Task.WaitAsync(TimeSpan.FromSeconds(15));
        await poll.EvaluateAsync(@"item => {
            window.reopened = false;
            new MutationObserver(() => { if (item.querySelector('.keys').textContent.startsWith('open')) window.reopened = true; })
                .observe(item, { subtree: true, childList: true, characterData: true });
        }");

        await poll.GetByRole(AriaRole.Button, new() { Name = "Close now" }).ClickAsync();
        await released.Task.WaitAsync(TimeSpan.FromSeconds(15));
        // The page's next timed read is sent after the held answer came: by its answer, that one was taken in or set aside.
        var next = await session.Page.WaitForRequestAsync("**/api/polls?limit=50", new() { Timeout = 15_000 });
        await next.ResponseAsync();

        Assert.False(await session.Page.EvaluateAsync<bool>("() => window.reopened"));
        await Expect(poll).ToContainTextAsync("closed, 0 votes");
        await Expect(poll.GetByRole(AriaRole.Button, new() { Name = "Close now" })).ToHaveCountAsync(0);
        Assert.Empty(session.Errors);
    }

    private async Task<BrowserSession> SignedInEditorAsync()
    {
        var session = await silo.NewSessionAsync();
        await session.Page.GotoAsync("/polls");
        await session.Page.GetByLabel("Sign in as editor").FillAsync("Edith Editor");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        return session;
    }
}
