using Microsoft.Playwright;
using Moderation.Testing;

namespace Moderation.Browser.Tests;

/// <summary>Browser tests share one real silo process (Playwright needs a real port) and one headless Chromium.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSilo>
{
    public const string Name = "browser";
}

public sealed class BrowserSilo : IAsyncLifetime
{
    /// <summary>Debian's chromium; CI installs it (.ci/run). Playwright downloads no browser of its own.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _dataDirectory = TestDirectories.Create("browser");
    private IPlaywright? _playwright;

    public SiloProcess Silo { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress => Silo.BaseAddress;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Chromium at {ChromiumPath}: apt-get install chromium.");
        }

        Silo = await SiloProcess.StartAsync(_dataDirectory, new Dictionary<string, string> { ["Web:SeedDemo"] = "true" });
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
        // A loaded two-core machine can take seconds to deliver what a desktop shows at once.
        Assertions.SetDefaultExpectTimeout(30_000);
    }

    /// <summary>A fresh browser profile: its own storage, as a second reader on another device.</summary>
    public async Task<BrowserSession> NewSessionAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        return new BrowserSession(context, page);
    }

    public HttpClient CreateClient() => Silo.CreateClient();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        TestDirectories.TryDelete(_dataDirectory);
    }
}
