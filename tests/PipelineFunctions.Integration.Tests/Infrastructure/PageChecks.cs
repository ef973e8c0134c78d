using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PipelineFunctions.Integration.Tests.Infrastructure;

/// <summary>What every page test can ask of a page: signed in by key, no serious accessibility fault, a screenshot kept.</summary>
static class PageChecks
{
    /// <summary>Screenshots at 1366×768 kept as test artefacts (the test output folder's TestResults/screenshots).</summary>
    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>Opens a page with the key already in the browser's storage, as after signing in once.</summary>
    public static async Task<IPage> OpenAsync(Browser browser, Uri app, string path, string key)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(app, "/app/common.js").ToString());
        await page.EvaluateAsync($"() => localStorage.setItem('pipeline-api-key', '{key}')");
        await page.GotoAsync(new Uri(app, path).ToString());
        return page;
    }

    /// <summary>axe-core's WCAG 2.1 A/AA rules: the violations of serious or critical impact, described for the failure message.</summary>
    public static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(
            new Deque.AxeCore.Commons.AxeRunOptions
            {
                RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions
                {
                    Type = "tag",
                    Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
                },
            }
        );
        return result
            .Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
    }

    public static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n{string.Join('\n', violations)}");
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png") });
    }
}
