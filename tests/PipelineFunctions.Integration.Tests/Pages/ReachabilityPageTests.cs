using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>
/// Every page under wwwroot is reachable by clicking from the home, <c>/app/</c>, for the roles that may use it: each
/// role's browser starts at the home and follows, by clicking (the study lead's by mouse and again by keyboard), every
/// link of the page it is on, in-page links included (a transcript's review, agreement, speakers, a pair, a
/// pseudonymisation check), within one study. Nobody types an id or a URL after the home. Every page a role lands on is
/// also held to axe-core (no serious or critical violation) and kept as a 1366×768 screenshot per role, and no page on
/// the way answers a 403 or an error (an API call of 400 or more, a script error, an error shown). Study-scoped users
/// (the fixture's "-here" users) crawl their own study the same way and never see another study.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ReachabilityPageTests(PipelineFixture fixture)
{
    /// <summary>The study the "-here" users crawl (they work on the role matrix's study too).</summary>
    public const string ScopedStudy = "reach-scoped";

    static readonly string Pages = Path.Combine(RepoPaths.Root, "src", "PipelineFunctions.App", "wwwroot", "app");

    static readonly string[] LeadPages =
    [
        "index.html",
        "site/upload.html",
        "lead/overview.html",
        "lead/study.html",
        "lead/codebook.html",
        "lead/themes.html",
        "translation/index.html",
        "translation/pair.html",
        "coders/index.html",
        "coders/review.html",
        "coders/agreement.html",
        "coders/codes.html",
        "coders/search.html",
        "coders/matrix.html",
        "coders/speakers.html",
    ];
    static readonly string[] SitePages =
    [
        "index.html",
        "site/upload.html",
        "site/transcripts.html",
        "site/check.html",
        "site/queries.html",
        "site/pseudonymisation.html",
    ];
    static readonly string[] CoderPages =
    [
        "index.html",
        "coders/index.html",
        "coders/review.html",
        "coders/agreement.html",
        "coders/codes.html",
        "coders/search.html",
        "coders/matrix.html",
        "coders/speakers.html",
    ];
    static readonly string[] TranslationPages = ["index.html", "translation/index.html", "translation/pair.html"];
    static readonly string[] AdminPages = ["index.html", "admin/status.html", "admin/audit.html"];
    static readonly string[] CustodianPages =
    [
        "index.html",
        "site/transcripts.html",
        "site/check.html",
        "site/pseudonymisation.html",
        "admin/audit.html",
    ];

    /// <summary>The pages each role must reach; together they must be every page there is.</summary>
    static readonly (string Who, string Key, bool Keyboard, string[] Pages)[] Roles =
    [
        ("study lead", PipelineFixture.LeadKey, true, LeadPages),
        ("study lead by mouse", PipelineFixture.LeadKey, false, LeadPages),
        ("site researcher of Dar es Salaam", PipelineFixture.DarKey, false, SitePages),
        ("coder", PipelineFixture.CoderKey, false, CoderPages),
        ("translation lead", "local-translation-key", false, TranslationPages),
        ("admin", PipelineFixture.AdminKey, false, AdminPages),
        ("custodian", "local-custodian-key", false, CustodianPages),
    ];

    /// <summary>The pages a scoped user's role must reach, by the role matrix's column name.</summary>
    static string[] PagesOf(string role) =>
        role switch
        {
            "study-lead" => LeadPages,
            "kampala-researcher" => SitePages,
            "coder" => CoderPages,
            "translation-lead" => TranslationPages,
            "admin" => AdminPages,
            "custodian" => CustodianPages,
            _ => throw new ArgumentException($"No pages listed for role {role}.", nameof(role)),
        };

    public static TheoryData<string> ScopedUsers() =>
        [
            .. PipelineFixture
                .ScopedUsers.Where(u => u.Name.EndsWith("-here", StringComparison.Ordinal))
                .Select(u => u.Name),
        ];

    [Fact]
    public async Task Every_page_is_reachable_by_clicking_from_the_home_for_the_roles_that_use_it()
    {
        var study = await fixture.CreateStudyAsync(doubleCodeFirst: 1);
        // A transcript double-coded by two coders, and a pair waiting for the translation lead, so the in-page links
        // exist.
        await ArrangeAsync(study, "dar-es-salaam", PipelineFixture.DarKey);

        var all = Directory
            .EnumerateFiles(Pages, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Pages, f).Replace('\\', '/'))
            .Order()
            .ToList();
        var union = new HashSet<string>();
        var missing = new List<string>();
        var violations = new List<string>();
        await using var browser = await Browser.LaunchAsync();
        foreach (var (who, key, keyboard, expected) in Roles)
        {
            var reached = await CrawlAsync(browser, key, study, keyboard, who, violations);
            union.UnionWith(reached);
            missing.AddRange(
                expected
                    .Except(reached)
                    .Select(p => $"{who} cannot reach {p} (reached {string.Join(", ", reached.Order())})")
            );
        }
        Assert.Empty(missing);
        Assert.Equal(all, union.Order().ToList());
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [Theory]
    [MemberData(nameof(ScopedUsers))]
    public async Task A_study_scoped_user_reaches_every_page_of_their_roles_by_clicking_and_sees_no_other_study(
        string name
    )
    {
        var user = PipelineFixture.ScopedUsers.Single(u => u.Name == name);
        // A study the user is not part of, made first so it exists for them not to see.
        await fixture.CreateStudyAsync();
        var study = await ScopedStudyAsync();
        var violations = new List<string>();
        await using var browser = await Browser.LaunchAsync();
        var reached = await CrawlAsync(
            browser,
            user.Key,
            study,
            keyboard: false,
            name,
            violations,
            theirs: [study, user.Study]
        );
        var missing = PagesOf(user.Role).Except(reached).ToList();
        Assert.True(
            missing.Count == 0,
            $"{name} cannot reach {string.Join(", ", missing)} (reached " + $"{string.Join(", ", reached.Order())})"
        );
        // The other study, or any not theirs, named by a link, the home or the switcher is among the violations.
        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    /// <summary>The scoped users' study, with a Kampala transcript double-coded and a Kampala pair waiting for the
    /// translation lead; made by the first test that needs it (tests of one fixture run one at a time).</summary>
    async Task<string> ScopedStudyAsync()
    {
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        using var response = await lead.GetAsync($"/api/studies/{ScopedStudy}");
        if (response.IsSuccessStatusCode)
            return ScopedStudy;
        var study = await fixture.CreateStudyAsync(fixedId: ScopedStudy, doubleCodeFirst: 1);
        await ArrangeAsync(study, "kampala", PipelineFixture.KampalaKey);
        return study;
    }

    async Task ArrangeAsync(string study, string site, string key)
    {
        var (_, ready) = await fixture.UploadAsync(
            study,
            site,
            "reach-50071.txt",
            PipelineFixture.Sample("uploads/dar-interview-50007_2.txt"),
            key
        );
        var (_, source) = await fixture.UploadAsync(
            study,
            site,
            "reach-50072.sw.txt",
            PipelineFixture.Sample("uploads/dar-interview-50010.sw.txt"),
            key,
            language: "sw"
        );
        var (_, translation) = await fixture.UploadAsync(
            study,
            site,
            "reach-50072.en.txt",
            PipelineFixture.Sample("uploads/dar-interview-50010.en.txt"),
            key,
            translationOf: (string)source!["transcriptId"]!
        );
        var transcript = (string)ready!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, transcript, "SuggestionsReady");
        await fixture.WaitForStatusAsync(study, (string)translation!["transcriptId"]!, "AwaitingTranslationReview");
        // Both coders submit, so the review's agreement link opens an agreement rather than a "not yet".
        foreach (
            var (coderKey, code) in new[]
            {
                (PipelineFixture.CoderKey, "unclear-role"),
                ("local-coder2-key", "defined-role"),
            }
        )
        {
            using var coder = fixture.Client(coderKey);
            var review = (
                await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{transcript}/review")
            )!;
            var segment = review["segments"]!.AsArray().First(x => !(bool)x!["interviewer"]!)![
                "segment"
            ]!.GetValue<int>();
            (
                await coder.PutAsJsonAsync(
                    $"/api/studies/{study}/transcripts/{transcript}/review/mine",
                    new
                    {
                        codings = new[]
                        {
                            new
                            {
                                segment,
                                codeId = code,
                                origin = "added",
                            },
                        },
                    }
                )
            ).EnsureSuccessStatusCode();
            (
                await coder.PostAsync($"/api/studies/{study}/transcripts/{transcript}/review/mine/submit", null)
            ).EnsureSuccessStatusCode();
        }
    }

    /// <summary>The pages a user reaches from the home by clicking links of this study (or of no study) only.</summary>
    /// <param name="theirs">For a study-scoped user, the studies they work on: a link, a home section or a study
    /// switcher option of any other is a violation.</param>
    async Task<HashSet<string>> CrawlAsync(
        Browser browser,
        string key,
        string study,
        bool keyboard,
        string who,
        List<string> violations,
        IReadOnlyList<string>? theirs = null
    )
    {
        var page = await PageChecks.OpenAsync(browser, fixture.App.BaseAddress, "/app/", key);
        // Every API answer of 400 or more and every script error on the way, wherever it happens.
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && new Uri(r.Url).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
                violations.Add(
                    $"{who}, {PageOf(page.Url)}: {r.Request.Method} {new Uri(r.Url).AbsolutePath} answered {r.Status}"
                );
        };
        page.PageError += (_, e) => violations.Add($"{who}, {PageOf(page.Url)}: script error {e}");
        var reached = new HashSet<string>();
        var queue = new Queue<(string From, string Href, string Page)>();
        await LandAsync(page, reached, queue, study, who, violations, theirs);
        while (queue.TryDequeue(out var next))
        {
            if (reached.Contains(next.Page))
                continue;
            await page.GotoAsync(next.From);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var link = page.Locator($"a[href=\"{next.Href}\"]").First;
            if (keyboard)
            {
                // A list drawn again after the network settles replaces the focused link: focus it as it now is.
                for (var tries = 0; tries < 10; tries++)
                {
                    await link.FocusAsync();
                    if (await link.EvaluateAsync<bool>("a => a === document.activeElement"))
                        break;
                    await page.WaitForTimeoutAsync(200);
                }
                await page.Keyboard.PressAsync("Enter");
            }
            else
                await link.ClickAsync();
            try
            {
                // Asserted, not waited for: WaitForURLAsync can miss a navigation that lands between its check and
                // its subscription (microsoft/playwright-dotnet#3364).
                await Assertions
                    .Expect(page)
                    .ToHaveURLAsync(
                        new System.Text.RegularExpressions.Regex(
                            "/app/"
                                + (
                                    next.Page == "index.html"
                                        ? "(index\\.html)?"
                                        : System.Text.RegularExpressions.Regex.Escape(next.Page)
                                )
                                + "([?#]|$)"
                        ),
                        new() { Timeout = 30_000 }
                    );
                await page.WaitForLoadStateAsync(LoadState.Load);
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException(
                    $"{who}: {(keyboard ? "Enter on" : "a click on")} the link {next.Href} of {PageOf(next.From)} "
                        + $"did not reach {next.Page}; the page is {PageOf(page.Url)}.",
                    e
                );
            }
            await LandAsync(page, reached, queue, study, who, violations, theirs);
        }
        await page.CloseAsync();
        return reached;
    }

    async Task LandAsync(
        IPage page,
        HashSet<string> reached,
        Queue<(string, string, string)> queue,
        string study,
        string who,
        List<string> violations,
        IReadOnlyList<string>? theirs
    )
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (
            await page.Locator("#error").CountAsync() > 0
            && (await page.Locator("#error").First.InnerTextAsync()).Trim() is { Length: > 0 } error
        )
            violations.Add($"{who}, {PageOf(page.Url)}: the page shows the error '{error}'");
        if (theirs is not null)
        {
            var shown = await page.EvaluateAsync<string[]>(
                @"() => [
                ...[...document.querySelectorAll('section.study h2[id^=""study-""]')].map(h => h.id.slice(6)),
                ...[...document.querySelectorAll('#study-switch option')].map(o => o.value)]"
            );
            violations.AddRange(
                shown
                    .Where(s => !theirs.Contains(s))
                    .Select(s => $"{who}, {PageOf(page.Url)}: shows study {s}, not theirs")
            );
        }
        if (reached.Add(PageOf(page.Url)))
        {
            violations.AddRange(
                (await PageChecks.SeriousViolationsAsync(page)).Select(v => $"{who}, {PageOf(page.Url)}: {v}")
            );
            await PageChecks.ScreenshotAsync(
                page,
                $"reach-{who.Replace(' ', '-')}-{PageOf(page.Url).Replace('/', '-')}"
            );
        }
        // Visible links only: what a person can click. The raw attribute finds the same link again on the way back.
        var links = await page.EvaluateAsync<string[][]>(
            @"() => [...document.querySelectorAll('a[href]')]
            .filter(a => a.checkVisibility() && a.href.startsWith(location.origin + '/app/'))
            .map(a => [a.getAttribute('href'), a.href])"
        );
        foreach (var link in links)
        {
            var target = new Uri(link[1]);
            var studyParam = System.Web.HttpUtility.ParseQueryString(target.Query)["study"];
            var path = PageOf(link[1]);
            if (studyParam is not null && theirs is not null && !theirs.Contains(studyParam))
                violations.Add($"{who}, {PageOf(page.Url)}: links to study {studyParam}, not theirs");
            if (
                studyParam is not null && studyParam != study
                || !path.EndsWith(".html", StringComparison.Ordinal)
                || reached.Contains(path)
            )
                continue;
            queue.Enqueue((page.Url, link[0], path));
        }
    }

    static string PageOf(string url)
    {
        var path = new Uri(url).AbsolutePath["/app/".Length..];
        return path.Length == 0 ? "index.html" : path;
    }
}
