using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Cli.Api;

namespace PipelineFunctions.Cli.Commands;

/// <summary>
/// <c>bench-pages</c>: the browser timings of the issue's note, measured in Chromium against the running app, a fresh
/// browser (new profile, empty cache) per run: the home shown after load (navigation start to the studies on screen,
/// as the page marks it), and 20 files dropped at once on the upload page until every row is listed with its status and
/// painted. Prints each run and the median and p95; nothing is asserted. Only reads: the files are listed, not sent.
/// </summary>
public sealed class BenchPagesCommand : ICliCommand
{
    public string Name => "bench-pages";

    public string Usage =>
        "bench-pages --url <app url> --study <samples/study.json> [--runs N] "
        + "[--chromium /usr/bin/chromium] [--site-key local-kampala-key]";

    /// <summary>Drops 20 files through a real DataTransfer; the milliseconds until all 20 rows show a status, painted.
    /// </summary>
    const string DropTwenty =
        @"async text => {
        const data = new DataTransfer();
        for (let i = 1; i <= 20; i++)
            data.items.add(new File([text + `\nInterviewer: Thank you, ${i}.\n`], `bench-interview-${50100 + i}.en.txt`,
                { type: 'text/plain' }));
        const listed = () => [...document.querySelectorAll('#queue tbody tr .status')]
            .filter(s => s.textContent.trim().length > 0).length >= 20;
        const frame = () => new Promise(r => requestAnimationFrame(r));
        const t0 = performance.now();
        document.querySelector('#drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        while (!listed()) await frame();
        await frame(); await frame();
        return performance.now() - t0;
    }";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CliArgs.Parse(args);
        var url = new Uri(parsed.Required("url"));
        var studyFile = Path.GetFullPath(parsed.Required("study"));
        var runs = int.Parse(parsed.Option("runs") ?? "10", CultureInfo.InvariantCulture);
        var chromium = parsed.Option("chromium") ?? "/usr/bin/chromium";
        var siteKey = parsed.Option("site-key") ?? "local-kampala-key";
        var sample = JsonNode.Parse(await File.ReadAllTextAsync(studyFile))!.AsObject();
        var leadKey = (string)sample["studyLeadKey"]!;
        var folder = Path.GetDirectoryName(studyFile)!;
        var interview = await File.ReadAllTextAsync(
            Path.Combine(folder, (string)sample["uploads"]!.AsArray()[0]!["file"]!)
        );

        // A study of its own, so the home lists what a real one holds and the bench leaves the sample study alone.
        var studyId = $"bench-pages-{Guid.NewGuid():n}"[..24];
        using (var api = new PipelineApiClient(url))
        {
            var (created, detail) = await api.CreateStudyAsync(
                await PipelineApiClient.StudyRequestAsync(sample, folder, studyId, siteCheck: false),
                leadKey
            );
            if (!created)
            {
                await stderr.WriteLineAsync($"bench-pages: creating a study failed: {detail}");
                return 1;
            }
        }

        using var playwright = await Playwright.CreateAsync();
        var (home, drop) = (new List<double>(), new List<double>());
        for (var run = 1; run <= runs; run++)
        {
            await using var browser = await playwright.Chromium.LaunchAsync(
                new BrowserTypeLaunchOptions
                {
                    ExecutablePath = chromium,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
                }
            );
            var page = await browser.NewPageAsync(
                new BrowserNewPageOptions
                {
                    ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
                }
            );
            // Signed in once, as after the sign-in form: the key in the browser's storage, then the home loaded.
            await SignInAsync(page, url, leadKey);
            await page.GotoAsync(new Uri(url, $"/app/?study={studyId}").ToString());
            await page.Locator("#home").WaitForAsync();
            home.Add(await page.EvaluateAsync<double>("() => Number(document.body.dataset.shownAt)"));
            // Where the time went: the document's scripts run, and the sign-in's /api/me answered.
            var (ready, me) = await HomePartsAsync(page);

            await SignInAsync(page, url, siteKey);
            await page.GotoAsync(new Uri(url, $"/app/site/upload.html?study={studyId}").ToString());
            await page.Locator("#upload").WaitForAsync();
            drop.Add(await page.EvaluateAsync<double>(DropTwenty, interview));
            await stdout.WriteLineAsync(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"run {run, 3}: home shown {home[^1], 6:F0} ms after load (DOM ready {ready:F0}, /api/me answered "
                        + $"{me:F0}); 20 files listed {drop[^1], 6:F0} ms after the drop"
                )
            );
        }
        await stdout.WriteLineAsync(Summary($"home shown after load ({runs} fresh browsers)", home));
        await stdout.WriteLineAsync(Summary("20 files dropped, all listed with their status", drop));
        return 0;
    }

    static async Task<(double Ready, double Me)> HomePartsAsync(IPage page)
    {
        var parts = await page.EvaluateAsync<double[]>(
            @"() => [
            performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
            performance.getEntriesByType('resource').find(r => new URL(r.name).pathname === '/api/me')?.responseEnd ?? -1]"
        );
        return (parts[0], parts[1]);
    }

    static async Task SignInAsync(IPage page, Uri url, string key)
    {
        await page.GotoAsync(new Uri(url, "/app/common.js").ToString());
        await page.EvaluateAsync("key => localStorage.setItem('pipeline-api-key', key)", key);
    }

    static string Summary(string what, List<double> values) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{what}: median {Percentile(values, 50):F0} ms, p95 {Percentile(values, 95):F0} ms, "
                + $"min {values.Min():F0}, max {values.Max():F0} ms"
        );

    static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
