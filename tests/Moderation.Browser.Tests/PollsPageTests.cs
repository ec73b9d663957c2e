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
}
