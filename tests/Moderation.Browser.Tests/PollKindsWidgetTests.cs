using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Moderation.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed partial class PollKindsWidgetTests(BrowserSilo silo)
{
    [Fact]
    public async Task A_reader_ticks_up_to_max_choices_with_the_keyboard_and_each_chosen_option_gets_the_vote()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("poll-multiple");
        await ServiceApi.CreatePollAsync(client, articleId, new
        {
            question = "Which did you read?", kind = "multiple", maxChoices = 2, options = new[] { "Politics", "Sport", "Culture" },
        });
        await using var reader = await silo.NewSessionAsync();
        await reader.OpenArticleAsync(articleId);
        await reader.SignInAsync("Multi Reader");
        await Expect(reader.Poll.GetByRole(AriaRole.Group, new() { Name = "Which did you read?" })).ToHaveAccessibleDescriptionAsync("Choose up to 2.");
        // The ballot is enabled once the widget has taken the reader's token: a key pressed before then does nothing.
        await Expect(reader.Poll.GetByRole(AriaRole.Checkbox, new() { Name = "Politics" })).ToBeEnabledAsync();

        foreach (var name in new[] { "Politics", "Sport", "Culture" })
        {
            await reader.Poll.GetByRole(AriaRole.Checkbox, new() { Name = name }).FocusAsync();
            await reader.Page.Keyboard.PressAsync("Space");
        }

        await reader.Poll.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();
        await Expect(reader.Poll.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Choose at most 2.");
        await reader.Poll.GetByRole(AriaRole.Checkbox, new() { Name = "Politics" }).CheckAsync();
        await reader.Poll.GetByRole(AriaRole.Checkbox, new() { Name = "Culture" }).CheckAsync();
        await reader.Poll.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();

        await Expect(reader.ResultRow("o1")).ToHaveAttributeAsync("data-votes", "1");
        await Expect(reader.ResultRow("o3")).ToHaveAttributeAsync("data-votes", "1");
        await Expect(reader.ResultRow("o2")).ToHaveAttributeAsync("data-votes", "0");
        await Expect(reader.ResultRow("o1").Locator(".moderation-percent")).ToHaveTextAsync("100%");
        await Expect(reader.Poll.Locator(".moderation-total")).ToHaveTextAsync("1 voter");
        await Expect(reader.Poll.Locator(".moderation-status")).ToHaveTextAsync("You voted “Politics”, “Culture”.");
        Assert.Empty(reader.Errors);
    }

    [Fact]
    public async Task A_reader_chooses_on_a_labelled_scale_with_the_arrow_keys_and_sees_the_histogram_mean_and_median()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("poll-scale");
        await ServiceApi.CreatePollAsync(client, articleId, new
        {
            question = "How far do you agree?", kind = "scale",
            scale = new { min = 1, max = 5, minLabel = "Strongly disagree", maxLabel = "Strongly agree" },
        });
        await using var reader = await silo.NewSessionAsync();
        await reader.OpenArticleAsync(articleId);
        await reader.SignInAsync("Scale Reader");

        var group = reader.Poll.GetByRole(AriaRole.Group, new() { Name = "How far do you agree?" });
        await Expect(group.GetByRole(AriaRole.Radio)).ToHaveCountAsync(5);
        await Expect(group.GetByRole(AriaRole.Radio, new() { Name = "1 Strongly disagree" })).ToBeVisibleAsync();
        await Expect(group.GetByRole(AriaRole.Radio, new() { Name = "5 Strongly agree" })).ToBeVisibleAsync();
        await group.GetByRole(AriaRole.Radio, new() { Name = "2", Exact = true }).CheckAsync();
        await reader.Page.Keyboard.PressAsync("ArrowRight");
        await reader.Page.Keyboard.PressAsync("ArrowRight");
        await Expect(group.GetByRole(AriaRole.Radio, new() { Name = "4", Exact = true })).ToBeCheckedAsync();
        await reader.Poll.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();

        await Expect(reader.ResultRow("4")).ToHaveAttributeAsync("data-votes", "1");
        await Expect(reader.ResultRow("1")).ToHaveAttributeAsync("data-votes", "0");
        await Expect(reader.Poll.Locator(".moderation-total")).ToHaveTextAsync("1 vote · mean 4, median 4");
        await Expect(reader.Poll.Locator("[aria-live=polite]")).ToContainTextAsync("Your vote for 4 was counted.");
        Assert.Empty(reader.Errors);
    }

    [Fact]
    public async Task After_vote_results_stay_hidden_until_the_reader_votes_then_show_and_follow_other_votes_live()
    {
        using var client = silo.CreateClient();
        var articleId = ServiceApi.NewArticleId("poll-after-vote");
        await ServiceApi.CreatePollAsync(client, articleId, new
        {
            question = "Should the US accept the offer?", options = new[] { "Yes", "No" }, resultsVisibility = "after-vote",
        });
        await using var first = await silo.NewSessionAsync();
        await using var second = await silo.NewSessionAsync();
        await first.OpenArticleAsync(articleId);
        await first.SignInAsync("Hidden First");

        await Expect(first.Poll.GetByRole(AriaRole.Radio)).ToHaveCountAsync(2);
        await Expect(first.Poll.GetByRole(AriaRole.Button, new() { Name = "See results" })).ToHaveCountAsync(0);
        await Expect(first.Poll.Locator(".moderation-results")).ToHaveCountAsync(0);
        await first.Poll.GetByRole(AriaRole.Radio, new() { Name = "Yes" }).CheckAsync();
        await first.Poll.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();
        await Expect(first.ResultRow("o1")).ToHaveAttributeAsync("data-votes", "1");

        await second.OpenArticleAsync(articleId);
        await second.SignInAsync("Hidden Second");
        await Expect(second.Poll.Locator(".moderation-results")).ToHaveCountAsync(0);
        await second.Poll.GetByRole(AriaRole.Radio, new() { Name = "No" }).CheckAsync();
        await second.Poll.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();
        await Expect(second.Poll.Locator(".moderation-total")).ToHaveTextAsync("2 votes");

        // The first page did nothing: the new totals came over its event stream, read with its token.
        await Expect(first.Poll.Locator(".moderation-total")).ToHaveTextAsync("2 votes");
        Assert.Empty(first.Errors);
        Assert.Empty(second.Errors);
    }

    [Fact]
    public async Task The_poll_widget_with_its_stylesheet_and_every_module_it_imports_stays_under_30_kb()
    {
        using var client = silo.CreateClient();
        var seen = new HashSet<string>();
        var pending = new Queue<string>(["/widgets/poll.js"]);
        var bytes = (await client.GetByteArrayAsync("/widgets/widgets.css")).Length;
        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            var source = await client.GetStringAsync(path);
            bytes += System.Text.Encoding.UTF8.GetByteCount(source);
            foreach (Match import in ImportPattern().Matches(source))
            {
                pending.Enqueue(new Uri(new Uri("http://widget" + path), import.Groups[1].Value).AbsolutePath);
            }
        }

        Assert.Contains("/shared/authorized-events.js", seen);
        Assert.True(bytes < 30 * 1024, $"The poll widget is {bytes} bytes uncompressed.");
    }

    [GeneratedRegex(@"from '(\.{1,2}/[^']+)'")]
    private static partial Regex ImportPattern();
}
