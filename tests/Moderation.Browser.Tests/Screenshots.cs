using Microsoft.Playwright;
using Moderation.Silo.Web;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Moderation.Browser.Tests;

/// <summary>
/// The README's pictures: the demo page, the poll after a vote, the moderator console (and the model page, which
/// <see cref="ModelPageTests"/> takes after its retrain). Written to the folder that MODERATION_SCREENSHOTS names
/// (docs/images to refresh them), else beside the test output.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Screenshots(BrowserSilo silo, ITestOutputHelper output)
{
    private static readonly string Folder = Environment.GetEnvironmentVariable("MODERATION_SCREENSHOTS") is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task Take_the_demo_page_the_poll_after_voting_and_the_moderator_console()
    {
        Directory.CreateDirectory(Folder);
        await using var reader = await silo.NewSessionAsync(width: 1100, height: 900);
        await reader.OpenArticleAsync();
        await Expect(reader.CommentWithText(DemoArticle.Comments[2].Body)).ToBeVisibleAsync();
        await reader.SignInAsync("Ana Reader");
        await Expect(reader.Comments.GetByLabel("Your comment")).ToBeVisibleAsync();
        await SaveAsync(reader.Page.ScreenshotAsync(new() { Path = PathOf("demo-page.png"), FullPage = true }));

        await reader.Poll.GetByRole(AriaRole.Radio, new() { Name = "No", Exact = true }).CheckAsync();
        await reader.Poll.GetByRole(AriaRole.Button, new() { Name = "Vote" }).ClickAsync();
        await Expect(reader.Poll.Locator(".moderation-status")).ToHaveTextAsync("You voted “No”.");
        // Let the bars finish their transition before the picture.
        await reader.Page.WaitForFunctionAsync(
            "() => document.getAnimations().every(animation => animation.playState === 'finished')");
        await SaveAsync(reader.Page.Locator(".poll-box").ScreenshotAsync(new() { Path = PathOf("poll-after-voting.png") }));

        await using var moderator = await silo.NewSessionAsync(width: 1100, height: 720);
        await moderator.OpenConsoleAsync(DemoArticle.Id, "Mia Moderator");
        await Expect(moderator.Page.Locator(".item mark").First).ToBeVisibleAsync();
        await SaveAsync(moderator.Page.ScreenshotAsync(new() { Path = PathOf("moderator-console.png") }));
        Assert.Empty(reader.Errors);
        Assert.Empty(moderator.Errors);
    }

    /// <summary>A whole page as it is now, under <paramref name="name"/> in the screenshot folder.</summary>
    internal static async Task PageAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await SaveAsync(page.ScreenshotAsync(new() { Path = Path.Combine(Folder, name), FullPage = true }));
    }

    private string PathOf(string name)
    {
        var path = Path.Combine(Folder, name);
        output.WriteLine(path);
        return path;
    }

    private static async Task SaveAsync(Task<byte[]> screenshot) => Assert.NotEmpty(await screenshot);
}
