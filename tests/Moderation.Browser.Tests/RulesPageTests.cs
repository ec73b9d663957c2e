using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Moderation.Testing;
using static Microsoft.Playwright.Assertions;

namespace Moderation.Browser.Tests;

/// <summary>The console's rules page. The word lists are site-wide, so the test uses made-up words no other test posts.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RulesPageTests(BrowserSilo silo)
{
    [Fact]
    public async Task A_moderator_saves_the_word_lists_on_the_rules_page_and_a_stale_save_is_refused_with_the_reason()
    {
        using var client = silo.CreateClient();
        await using var first = await silo.NewSessionAsync();
        await using var second = await silo.NewSessionAsync();
        foreach (var session in new[] { first, second })
        {
            await session.Page.GotoAsync("/rules");
            await session.Page.GetByLabel("Sign in as moderator").FillAsync("Rule Keeper");
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await Expect(session.Page.Locator("#version")).ToContainTextAsync("Version ");
        }

        await first.Page.GetByLabel("Banned: the comment is rejected").FillAsync("plonkwizzle\n\n  buy plonks  ");
        await first.Page.GetByLabel("Suspect: the comment waits for a moderator").FillAsync("dribblesnoot");
        await first.Page.Locator("#word-lists").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(first.Page.Locator("#words-status")).ToContainTextAsync("Saved as version");
        await Expect(first.Page.Locator("#version")).ToContainTextAsync("2 banned, 1 suspect");

        second.ExpectRefusal(409, "/api/moderation/rules/words");
        await second.Page.GetByLabel("Banned: the comment is rejected").FillAsync("something else");
        await second.Page.Locator("#word-lists").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(second.Page.Locator("#words-status")).ToContainTextAsync("someone changed the lists");

        var token = await client.DevTokenAsync("rules-author");
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{ServiceApi.NewArticleId("rules-page")}/comments")
        {
            Content = JsonContent.Create(new { body = "What a pl0nkw1zzle." }),
        };
        post.Headers.Authorization = new("Bearer", token);
        using var rejected = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, rejected.StatusCode);
        Assert.Equal("rejected", (await rejected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Empty(first.Errors);
        Assert.Empty(second.Errors);
    }

    [Fact]
    public async Task A_moderator_changes_a_trust_setting_on_the_rules_page_and_the_service_stores_it()
    {
        using var client = silo.CreateClient();
        await using var session = await silo.NewSessionAsync();
        await session.Page.GotoAsync("/rules");
        await session.Page.GetByLabel("Sign in as moderator").FillAsync("Trust Keeper");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(session.Page.GetByLabel("within minutes")).Not.ToHaveValueAsync("");

        // Only the window changes: the counts stay off, so the other tests' comments are judged as before.
        await session.Page.GetByLabel("within minutes").FillAsync("95");
        await session.Page.Locator("#trust").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(session.Page.Locator("#trust-status")).ToContainTextAsync("Saved as version");

        client.WithToken(await client.DevTokenAsync("trust-reader", "moderator"));
        var stored = await client.GetFromJsonAsync<JsonElement>("/api/moderation/rules/trust");
        Assert.Equal(95, stored.GetProperty("rejectionWindowMinutes").GetInt32());
        Assert.Equal("stored", stored.GetProperty("source").GetString());
        await Expect(session.Page.Locator("#trust-version")).ToContainTextAsync("Version ");
        Assert.Empty(session.Errors);
    }
}
