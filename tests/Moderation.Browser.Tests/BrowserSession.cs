using Microsoft.Playwright;

namespace Moderation.Browser.Tests;

/// <summary>One browser context and its page, with what went wrong in it: uncaught errors, policy violations, dialogs.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _errors = [];
    private readonly List<string> _dialogs = [];

    public BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // Chromium also logs every 4xx it fetched (a reader's 404 for "my vote" is an answer, not a fault): keep
            // the policy violations.
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (_errors)
                {
                    _errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add(error);
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            lock (_dialogs)
            {
                _dialogs.Add(dialog.Message);
            }

            await dialog.DismissAsync();
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public IReadOnlyList<string> Dialogs
    {
        get
        {
            lock (_dialogs)
            {
                return [.. _dialogs];
            }
        }
    }

    /// <summary>The demo article page, showing the widgets of <paramref name="articleId"/> (the demo article if null).</summary>
    public async Task OpenArticleAsync(string? articleId = null)
    {
        await Page.GotoAsync(articleId is null ? "/" : $"/?article={Uri.EscapeDataString(articleId)}");
    }

    /// <summary>The demo page's Development "sign in as" control.</summary>
    public async Task SignInAsync(string name)
    {
        await Page.GetByLabel("Sign in as").FillAsync(name);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator("#signed-in-name")).ToHaveTextAsync($"Signed in as {name}");
    }

    public async Task OpenConsoleAsync(string articleId, string moderatorName = "Mo Derator")
    {
        await Page.GotoAsync($"/moderate?article={Uri.EscapeDataString(articleId)}");
        await Page.GetByLabel("Sign in as moderator").FillAsync(moderatorName);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Tab, new() { Name = "Pending" })).ToBeVisibleAsync();
    }

    public ILocator Poll => Page.Locator("[data-moderation-poll]");

    public ILocator Comments => Page.Locator("[data-moderation-comments]");

    public ILocator ResultRow(string optionId) => Poll.Locator($".moderation-result[data-option-id='{optionId}']");

    public ILocator CommentWithText(string text) => Comments.Locator(".moderation-comment").Filter(new() { HasText = text });

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
