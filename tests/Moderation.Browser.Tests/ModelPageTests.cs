using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Moderation.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ModelPageTests(BrowserSilo silo)
{
    [Fact]
    public async Task A_moderator_retrains_from_the_model_page_watches_it_finish_and_rolls_back()
    {
        using var client = silo.CreateClient();
        await ServiceApi.ImportSpamLabelsAsync(client, Guid.NewGuid().ToString("N")[..8], 300);
        await using var moderator = await silo.NewSessionAsync(width: 1100, height: 900);
        await moderator.Page.GotoAsync("/model");
        await moderator.Page.GetByLabel("Sign in as moderator").FillAsync("Mo Del");
        await moderator.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        var current = moderator.Page.Locator("#current dd").First;
        await Expect(current).Not.ToBeEmptyAsync();
        var before = await current.TextContentAsync();
        await Expect(moderator.Page.Locator("#labels")).ToContainTextAsync("Imported");

        await moderator.Page.GetByRole(AriaRole.Button, new() { Name = "Retrain now" }).ClickAsync();
        await Expect(moderator.Page.Locator("#retrain-stage")).ToContainTextAsync("Promoted", new() { Timeout = 120_000 });
        await Expect(moderator.Page.Locator("#retrain-report table")).ToContainTextAsync("Candidate");
        await Expect(moderator.Page.Locator("#history-chart circle.promoted")).Not.ToHaveCountAsync(0);
        await Expect(current).Not.ToHaveTextAsync(before!);
        await Screenshots.PageAsync(moderator.Page, "model-page.png");

        var rollback = moderator.Page.GetByRole(AriaRole.Button, new() { Name = $"Use {before}" });
        await rollback.ClickAsync();
        await Expect(moderator.Page.GetByRole(AriaRole.Button, new() { Name = $"Confirm: score with {before}" })).ToBeVisibleAsync();
        await moderator.Page.GetByRole(AriaRole.Button, new() { Name = $"Confirm: score with {before}" }).ClickAsync();
        await Expect(current).ToHaveTextAsync(before!);
        await Expect(moderator.Page.Locator("#announcer")).ToContainTextAsync($"Now using {before}");
        Assert.Empty(moderator.Errors);
        Assert.Empty(moderator.Dialogs);
    }
}
