using Microsoft.Playwright;

namespace PipelineFunctions.Integration.Tests.Infrastructure;

/// <summary>Debian's Chromium, headless, driven by Playwright; never a downloaded browser. Dispose to close it.</summary>
sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    readonly IPlaywright _playwright;
    readonly IBrowser _browser;

    Browser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: ./test.sh installs Debian's chromium.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                // The machine has no network but loopback; these keep Chromium from reaching out at start.
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                ],
            }
        );
        return new Browser(playwright, browser);
    }

    /// <summary>A page the size of the smallest screen the teams use (1366×768).</summary>
    public Task<IPage> NewPageAsync() =>
        _browser.NewPageAsync(
            new BrowserNewPageOptions
            {
                ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            }
        );

    /// <summary>A browser profile of its own whose pages share storage, as the tabs of one person's browser do.</summary>
    public Task<IBrowserContext> NewContextAsync() =>
        _browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            }
        );

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
