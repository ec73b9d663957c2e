using Moderation.Client.Http;
using Moderation.Client.Moderators;
using Moderation.Http.Moderators;
using Spectre.Console.Testing;

namespace Moderation.Client.Tests;

/// <summary>The interactive review: its keys, its highlighting, and whole sessions driven by keys pushed into a test console.</summary>
[Collection(ServiceCollection.Name)]
public sealed class ReviewTests(ServiceFixture service)
{
    private readonly string _moderator = service.Mint("client-reviewer", "moderator");

    [Theory]
    [InlineData(ConsoleKey.DownArrow, '\0', ReviewAction.Next)]
    [InlineData(ConsoleKey.J, 'j', ReviewAction.Next)]
    [InlineData(ConsoleKey.UpArrow, '\0', ReviewAction.Previous)]
    [InlineData(ConsoleKey.K, 'k', ReviewAction.Previous)]
    [InlineData(ConsoleKey.A, 'a', ReviewAction.Approve)]
    [InlineData(ConsoleKey.A, 'A', ReviewAction.Approve)]
    [InlineData(ConsoleKey.R, 'r', ReviewAction.Reject)]
    [InlineData(ConsoleKey.B, 'b', ReviewAction.Ban)]
    [InlineData(ConsoleKey.U, 'u', ReviewAction.Reload)]
    [InlineData(ConsoleKey.Q, 'q', ReviewAction.Quit)]
    [InlineData(ConsoleKey.Escape, '\u001b', ReviewAction.Quit)]
    [InlineData(ConsoleKey.Oem2, '?', ReviewAction.Help)]
    [InlineData(ConsoleKey.X, 'x', ReviewAction.None)]
    public void Keys_map_to_actions(ConsoleKey key, char character, ReviewAction expected)
    {
        Assert.Equal(expected, ReviewKeys.Map(new ConsoleKeyInfo(character, key, shift: false, alt: false, control: false)));
    }

    [Fact]
    public void The_words_behind_a_score_are_highlighted_ignoring_case_and_the_rest_is_escaped()
    {
        ExplanationTermResponse[] terms = [new("idiot", 2.1), new("you are", 0.4), new("thanks", -0.7), new("(insult)", 1.0)];

        var markup = ExplanationMarkup.Highlight("You are an IDIOT [really], idiots.", terms);

        Assert.Equal("[bold red]You are[/] an [bold red]IDIOT[/] [[really]], [bold red]idiot[/]s.", markup);
        Assert.Equal("idiot +2.10, (insult) +1.00, thanks -0.70, you are +0.40", ExplanationMarkup.Describe(terms));
    }

    [Fact]
    public async Task A_session_moves_with_arrows_and_approves_rejects_and_bans_by_key()
    {
        var article = await PremoderatedArticleAsync("client-review");
        var first = await PostAsync(article, Texts.Civil);
        var second = await PostAsync(article, Texts.Abusive);
        var spammer = ServiceFixture.Fresh("spammer");
        var third = await PostAsync(article, "Buy cheap watches at my site, best prices today.", spammer);

        var console = new TestConsole().Interactive().Width(160);
        console.Input.PushKey(ConsoleKey.DownArrow);   // second
        console.Input.PushKey(ConsoleKey.K);           // back to first
        console.Input.PushKey(ConsoleKey.A);           // approve first; second is shown
        console.Input.PushKey(ConsoleKey.R);           // reject second: choose a reason
        console.Input.PushKey(ConsoleKey.DownArrow);   // offensive -> abusive
        console.Input.PushKey(ConsoleKey.Enter);
        console.Input.PushKey(ConsoleKey.B);           // ban the third's author
        console.Input.PushTextWithEnter("spam account");
        console.Input.PushTextWithEnter("y");          // and reject their held comments: the queue is then empty
        var exit = await RunAsync(console, "moderate", "review", "--article", article, "--sort", "oldest");

        var output = console.Output;
        Assert.True(exit == 0, output);
        Assert.Contains("pending queue of " + article + ", by oldest", output);
        Assert.Contains("item 1 of 3", output);
        Assert.Contains("item 2 of 3", output);
        Assert.Contains("pending 2, reported 0; item 1 of 2", output);
        Assert.Contains("premoderation", output);
        Assert.Contains($"Approved {first}: now published, revision 2.", output);
        Assert.Contains($"Rejected (abusive) {second}: now rejected, revision 2.", output);
        Assert.Contains("The pending queue is empty.", output);
        Assert.Contains("Review ended: 1 approved, 1 rejected, 1 banned.", output);
        Assert.Contains(": published, revision 2", (await service.RunAsync("comments", "show", first, "--token", _moderator)).Output);
        Assert.Contains(": rejected, revision 2", (await service.RunAsync("comments", "show", second, "--token", _moderator)).Output);
        Assert.Contains(": rejected, revision 2", (await service.RunAsync("comments", "show", third, "--token", _moderator)).Output);
        var refused = await service.RunAsync("comments", "post", article, Texts.Civil, "--token", service.Mint(spammer));
        Assert.Contains("403 Banned", refused.Output);
    }

    [Fact]
    public async Task Cancelling_a_reason_decides_nothing_and_q_quits()
    {
        var article = await PremoderatedArticleAsync("client-review-cancel");
        var held = await PostAsync(article, Texts.Civil);

        var console = new TestConsole().Interactive().Width(160);
        console.Input.PushKey(ConsoleKey.R);
        for (var down = 0; down < 5; down++)
        {
            console.Input.PushKey(ConsoleKey.DownArrow); // past the five reasons to "(cancel)"
        }

        console.Input.PushKey(ConsoleKey.Enter);
        console.Input.PushKey(ConsoleKey.B);
        console.Input.PushKey(ConsoleKey.Enter);       // no ban reason: no ban
        console.Input.PushKey(ConsoleKey.Q);
        var exit = await RunAsync(console, "moderate", "review", "--article", article);

        Assert.Equal(0, exit);
        Assert.Contains("Not rejected.", console.Output);
        Assert.Contains("Not banned.", console.Output);
        Assert.Contains("Review ended: 0 approved, 0 rejected, 0 banned.", console.Output);
        Assert.Contains(": pending, revision 1", (await service.RunAsync("comments", "show", held, "--token", _moderator)).Output);
    }

    [Fact]
    public async Task A_comment_decided_elsewhere_meanwhile_is_refused_and_the_queue_reloaded()
    {
        var article = await PremoderatedArticleAsync("client-review-race");
        var held = await PostAsync(article, Texts.Civil);
        var console = new TestConsole().Interactive().Width(160);
        using var http = service.Factory.CreateClient();
        var session = new ReviewSession(new ModerationApi(http, _moderator), console, new ReviewFilter("pending", article, "oldest"));
        await session.HandleAsync(ReviewAction.Reload, CancellationToken.None);
        Assert.Equal(held, session.Current!.Comment.Id);

        await service.RunAsync("moderate", "approve", held, "--token", service.Mint("other-mod", "moderator"));
        var goOn = await session.HandleAsync(ReviewAction.Approve, CancellationToken.None);

        Assert.True(goOn);
        Assert.Contains("409 Stale revision", session.Status);
        Assert.Contains("(queue reloaded)", session.Status);
        Assert.Null(session.Current);
        Assert.Equal(0, session.Approved);
        Assert.False(await session.HandleAsync(ReviewAction.Quit, CancellationToken.None));
    }

    [Fact]
    public async Task Moving_past_the_last_item_of_a_page_fetches_the_next_and_stops_at_the_end()
    {
        var article = await PremoderatedArticleAsync("client-review-pages");
        var first = await PostAsync(article, Texts.Civil);
        var second = await PostAsync(article, "The second paragraph answers my question, thanks.");
        using var http = service.Factory.CreateClient();
        var session = new ReviewSession(new ModerationApi(http, _moderator), new TestConsole(), new ReviewFilter("pending", article, "oldest", PageSize: 1));

        await session.HandleAsync(ReviewAction.Reload, CancellationToken.None);
        Assert.Equal([first], session.Items.Select(item => item.Comment.Id));
        Assert.True(session.HasMore);
        await session.HandleAsync(ReviewAction.Previous, CancellationToken.None);
        Assert.Equal(0, session.Index);

        await session.HandleAsync(ReviewAction.Next, CancellationToken.None);
        Assert.Equal([first, second], session.Items.Select(item => item.Comment.Id));
        Assert.Equal(second, session.Current!.Comment.Id);

        await session.HandleAsync(ReviewAction.Next, CancellationToken.None);

        Assert.Equal(second, session.Current!.Comment.Id);
        Assert.Contains("This is the last item.", session.Status);
        await session.HandleAsync(ReviewAction.Previous, CancellationToken.None);
        Assert.Equal(first, session.Current!.Comment.Id);
        await session.HandleAsync(ReviewAction.Help, CancellationToken.None);
        Assert.Contains("a approve", session.Status);
    }

    [Fact]
    public async Task Review_needs_an_interactive_terminal()
    {
        var result = await service.RunAsync("moderate", "review", "--token", _moderator);

        Assert.Equal(ClientHost.InvalidUse, result.ExitCode);
        Assert.Contains("moderate review needs an interactive terminal", result.Output);
    }

    private async Task<int> RunAsync(TestConsole console, params string[] args)
    {
        var root = Cli.Root(new ClientHost(console, service.Handler));
        return await root.Parse([.. args, "--token", _moderator]).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null });
    }

    private async Task<string> PremoderatedArticleAsync(string purpose)
    {
        var article = ServiceFixture.Fresh(purpose);
        var settings = await service.RunAsync("articles", "settings", article, "--premoderation", "true", "--token", _moderator);
        Assert.True(settings.ExitCode == 0, settings.Output);
        return article;
    }

    private async Task<string> PostAsync(string article, string text, string? subject = null)
    {
        var posted = await service.RunAsync("comments", "post", article, text, "--token", service.Mint(subject ?? ServiceFixture.Fresh("author")));
        Assert.Contains(": pending, revision 1", posted.Output);
        return Texts.CommentId(posted.Output);
    }
}
