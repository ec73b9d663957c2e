using Microsoft.Playwright;

namespace Moderation.Browser.Tests;

/// <summary>
/// One browser context and its page, with what went wrong in it: uncaught errors, console errors, failed requests
/// (a 4xx or 5xx answer, or no answer), dialogs. A session that saw any fails its test when disposed, but for the
/// refusals a test provokes on purpose and names with <see cref="ExpectRefusal"/>.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _errors = [];
    private readonly List<string> _dialogs = [];
    private readonly List<(int Status, string Path)> _expected = [];

    public BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            // Chromium logs each failed fetch as "Failed to load resource"; the Response handler records those with their URL.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Record("console: " + message.Text);
            }
        };
        page.PageError += (_, error) => Record(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !IsExpected(response.Status, new Uri(response.Url).AbsolutePath))
            {
                Record($"{response.Status} from {response.Request.Method} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            // Event streams and fetches a navigation or the context's end cuts off are aborted, not failed.
            if (request.Failure is { } failure && !failure.Contains("ERR_ABORTED", StringComparison.Ordinal))
            {
                Record($"{request.Method} {request.Url} failed: {failure}");
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

    /// <summary>A refusal the test provokes on purpose: answers with this status to a path containing <paramref name="pathPart"/> are no fault.</summary>
    public void ExpectRefusal(int status, string pathPart)
    {
        lock (_expected)
        {
            _expected.Add((status, pathPart));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        Assert.True(Errors.Count == 0, "The page logged errors or failed requests:\n" + string.Join("\n", Errors));
    }

    private bool IsExpected(int status, string path)
    {
        lock (_expected)
        {
            return _expected.Any(expected => expected.Status == status && path.Contains(expected.Path, StringComparison.Ordinal));
        }
    }

    private void Record(string error)
    {
        lock (_errors)
        {
            _errors.Add(error);
        }
    }
}
