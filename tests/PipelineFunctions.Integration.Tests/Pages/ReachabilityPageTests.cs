using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>
/// Every page under wwwroot is reachable by clicking from the home, <c>/app/</c>, for the roles that may use it: each
/// role's browser starts at the home and follows, by clicking (the study lead's by keyboard), every link of the page it
/// is on, in-page links included (a transcript's review, agreement, speakers, a pair, a pseudonymisation check), within
/// one study. Nobody types an id or a URL after the home. Every page a role lands on is also held to axe-core (no
/// serious or critical violation) and kept as a 1366×768 screenshot per role.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ReachabilityPageTests(PipelineFixture fixture)
{
    static readonly string Pages = Path.Combine(RepoPaths.Root, "src", "PipelineFunctions.App", "wwwroot", "app");

    /// <summary>The pages each role must reach; together they must be every page there is.</summary>
    static readonly (string Who, string Key, bool Keyboard, string[] Pages)[] Roles =
    [
        ("study lead", PipelineFixture.LeadKey, true, ["index.html", "site/upload.html", "lead/overview.html", "lead/study.html", "lead/codebook.html",
            "translation/index.html", "translation/pair.html", "coders/index.html", "coders/review.html", "coders/agreement.html", "coders/codes.html",
            "coders/search.html", "coders/matrix.html", "coders/speakers.html"]),
        ("site researcher of Dar es Salaam", PipelineFixture.DarKey, false, ["index.html", "site/upload.html", "site/transcripts.html", "site/check.html",
            "site/queries.html", "site/pseudonymisation.html"]),
        ("coder", PipelineFixture.CoderKey, false, ["index.html", "coders/index.html", "coders/review.html", "coders/agreement.html", "coders/codes.html",
            "coders/search.html", "coders/matrix.html", "coders/speakers.html"]),
        ("translation lead", "local-translation-key", false, ["index.html", "translation/index.html", "translation/pair.html"]),
        ("admin", PipelineFixture.AdminKey, false, ["index.html", "admin/status.html", "admin/audit.html"]),
        ("custodian", "local-custodian-key", false, ["index.html", "site/transcripts.html", "site/check.html", "site/pseudonymisation.html", "admin/audit.html"]),
    ];

    [Fact]
    public async Task Every_page_is_reachable_by_clicking_from_the_home_for_the_roles_that_use_it()
    {
        var study = await fixture.CreateStudyAsync();
        // A transcript ready for coding, and a pair waiting for the translation lead, so the in-page links exist.
        var (_, ready) = await fixture.UploadAsync(study, "dar-es-salaam", "reach-50071.txt", PipelineFixture.Sample("uploads/dar-interview-50007_2.txt"), PipelineFixture.DarKey);
        var (_, source) = await fixture.UploadAsync(study, "dar-es-salaam", "reach-50072.sw.txt", PipelineFixture.Sample("uploads/dar-interview-50010.sw.txt"), PipelineFixture.DarKey, language: "sw");
        var (_, translation) = await fixture.UploadAsync(study, "dar-es-salaam", "reach-50072.en.txt", PipelineFixture.Sample("uploads/dar-interview-50010.en.txt"), PipelineFixture.DarKey,
            translationOf: (string)source!["transcriptId"]!);
        await fixture.WaitForStatusAsync(study, (string)ready!["transcriptId"]!, "SuggestionsReady");
        await fixture.WaitForStatusAsync(study, (string)translation!["transcriptId"]!, "AwaitingTranslationReview");

        var all = Directory.EnumerateFiles(Pages, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Pages, f).Replace('\\', '/')).Order().ToList();
        var union = new HashSet<string>();
        var missing = new List<string>();
        var violations = new List<string>();
        await using var browser = await Browser.LaunchAsync();
        foreach (var (who, key, keyboard, expected) in Roles)
        {
            var reached = await CrawlAsync(browser, key, study, keyboard, who, violations);
            union.UnionWith(reached);
            missing.AddRange(expected.Except(reached).Select(p => $"{who} cannot reach {p} (reached {string.Join(", ", reached.Order())})"));
        }
        Assert.Empty(missing);
        Assert.Equal(all, union.Order().ToList());
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    /// <summary>The pages a user reaches from the home by clicking links of this study (or of no study) only.</summary>
    async Task<HashSet<string>> CrawlAsync(Browser browser, string key, string study, bool keyboard, string who,
        List<string> violations)
    {
        var page = await PageChecks.OpenAsync(browser, fixture.App.BaseAddress, "/app/", key);
        var reached = new HashSet<string>();
        var queue = new Queue<(string From, string Href, string Page)>();
        await LandAsync(page, reached, queue, study, who, violations);
        while (queue.TryDequeue(out var next))
        {
            if (reached.Contains(next.Page)) continue;
            await page.GotoAsync(next.From);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var link = page.Locator($"a[href=\"{next.Href}\"]").First;
            if (keyboard)
            {
                await link.FocusAsync();
                await page.Keyboard.PressAsync("Enter");
            }
            else await link.ClickAsync();
            await page.WaitForURLAsync(url => PageOf(url) == next.Page);
            await LandAsync(page, reached, queue, study, who, violations);
        }
        await page.CloseAsync();
        return reached;
    }

    async Task LandAsync(IPage page, HashSet<string> reached, Queue<(string, string, string)> queue, string study,
        string who, List<string> violations)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (reached.Add(PageOf(page.Url)))
        {
            violations.AddRange((await PageChecks.SeriousViolationsAsync(page))
                .Select(v => $"{who}, {PageOf(page.Url)}: {v}"));
            await PageChecks.ScreenshotAsync(page, $"reach-{who.Replace(' ', '-')}-{PageOf(page.Url).Replace('/', '-')}");
        }
        // Visible links only: what a person can click. The raw attribute finds the same link again on the way back.
        var links = await page.EvaluateAsync<string[][]>(@"() => [...document.querySelectorAll('a[href]')]
            .filter(a => a.checkVisibility() && a.href.startsWith(location.origin + '/app/'))
            .map(a => [a.getAttribute('href'), a.href])");
        foreach (var link in links)
        {
            var target = new Uri(link[1]);
            var studyParam = System.Web.HttpUtility.ParseQueryString(target.Query)["study"];
            var path = PageOf(link[1]);
            if (studyParam is not null && studyParam != study || !path.EndsWith(".html", StringComparison.Ordinal) || reached.Contains(path)) continue;
            queue.Enqueue((page.Url, link[0], path));
        }
    }

    static string PageOf(string url)
    {
        var path = new Uri(url).AbsolutePath["/app/".Length..];
        return path.Length == 0 ? "index.html" : path;
    }
}
