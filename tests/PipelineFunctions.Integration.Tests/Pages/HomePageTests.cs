using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>
/// The home and the shell every page shares: sign in once per browser (a new tab is signed in; signing out ends every
/// tab), the studies with what each role can do there, navigation that reaches every page of a role without typing an
/// id, and a refused action that keeps the page and the sign-in.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class HomePageTests(PipelineFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_home_lists_the_study_with_what_the_role_can_do_and_is_measured()
    {
        var study = await fixture.CreateStudyAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/app/").ToString());
        // Signed in by keyboard: the key field, Enter.
        await page.GetByLabel("API key").FocusAsync();
        await page.Keyboard.TypeAsync(PipelineFixture.LeadKey);
        await page.Keyboard.PressAsync("Enter");
        var section = page.Locator($"section[aria-labelledby='study-{study}']");
        await Assertions.Expect(section).ToBeVisibleAsync();
        foreach (
            var name in new[]
            {
                "Upload transcripts",
                "Study set-up",
                "Codebook and proposals",
                "Transcripts to code",
                "Overview",
            }
        )
            await Assertions
                .Expect(section.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).First)
                .ToHaveAttributeAsync("href", new Regex($"study={study}"));
        await Assertions
            .Expect(page.GetByRole(AriaRole.Link, new() { Name = "Set up a new study" }))
            .ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "home-study-lead");

        // The home shown after a load, signed in already (the figure for the note; not asserted).
        var shown = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("#home")).ToBeVisibleAsync();
            shown.Add(await page.EvaluateAsync<double>("() => Number(document.body.dataset.shownAt)"));
        }
        output.WriteLine(
            $"home shown after load: {string.Join(", ", shown.Select(s => $"{s:0} ms"))} (median {shown.Order().ElementAt(2):0} ms)"
        );

        // A site researcher sees only their site and their pages.
        var kampala = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/?study={study}",
            PipelineFixture.KampalaKey
        );
        var mine = kampala.Locator("section.study");
        await Assertions.Expect(mine).ToContainTextAsync("Your sites: Kampala");
        await Assertions.Expect(mine).Not.ToContainTextAsync("Dar es Salaam");
        await Assertions
            .Expect(mine.GetByRole(AriaRole.Link, new() { Name = "Upload transcripts" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(mine.GetByRole(AriaRole.Link, new() { Name = "Study set-up" })).ToHaveCountAsync(0);
        await PageChecks.AssertAccessibleAsync(kampala);
    }

    /// <summary>Every page each role's navigation names opens from a click, signed in, with the study's id carried.</summary>
    [Theory]
    [InlineData(PipelineFixture.LeadKey)]
    [InlineData(PipelineFixture.KampalaKey)]
    [InlineData(PipelineFixture.CoderKey)]
    [InlineData(PipelineFixture.AdminKey)]
    [InlineData("local-translation-key")]
    [InlineData("local-custodian-key")]
    [InlineData("local-kampala-researcher-elsewhere-key")]
    [InlineData("local-coder-elsewhere-key")]
    public async Task The_navigation_reaches_every_page_of_a_role_without_typing_an_id(string key)
    {
        // A user scoped to one study opens the bare home: it shows that study alone and its links carry it.
        var scoped = key.Contains("-elsewhere-", StringComparison.Ordinal);
        var study = scoped ? await ScopedStudyAsync() : await fixture.CreateStudyAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            scoped ? "/app/" : $"/app/?study={study}",
            key
        );
        await Assertions.Expect(page.Locator("#home")).ToBeVisibleAsync();
        if (scoped)
            await Assertions.Expect(page.Locator("section.study h2")).ToHaveTextAsync(["Integration test study"]);
        var nav = page.Locator("nav.shell a");
        await Assertions.Expect(nav.First).ToBeVisibleAsync();
        var names = await nav.AllInnerTextsAsync();
        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            await page.Locator("nav.shell").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("nav.shell a[aria-current=page]")).ToHaveTextAsync(name);
            await Assertions.Expect(page.Locator("main:visible").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#error")).ToBeEmptyAsync();
            await Assertions.Expect(page.GetByLabel("API key")).ToBeHiddenAsync();
            if (page.Url.Contains("study=", StringComparison.Ordinal))
                Assert.Contains($"study={study}", page.Url);
        }
    }

    [Fact]
    public async Task A_new_tab_is_signed_in_and_signing_out_ends_every_tab()
    {
        var study = await fixture.CreateStudyAsync();
        await using var browser = await Browser.LaunchAsync();
        var tabs = await browser.NewContextAsync();
        var first = await tabs.NewPageAsync();
        await first.GotoAsync(new Uri(fixture.App.BaseAddress, "/app/").ToString());
        await first.GetByLabel("API key").FillAsync(PipelineFixture.CoderKey);
        await first.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(first.Locator("#home")).ToBeVisibleAsync();

        // A link opened in a new tab of the same browser: no key asked.
        var second = await tabs.NewPageAsync();
        await second.GotoAsync(new Uri(fixture.App.BaseAddress, $"/app/coders/index.html?study={study}").ToString());
        await Assertions.Expect(second.Locator("#list")).ToBeVisibleAsync();
        await Assertions.Expect(second.GetByLabel("API key")).ToBeHiddenAsync();
        await Assertions.Expect(second.Locator("#who")).ToContainTextAsync("coder");

        await second.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(second.GetByLabel("API key")).ToBeVisibleAsync();
        await Assertions.Expect(first.Locator("#home")).ToBeHiddenAsync();
        await Assertions.Expect(first.Locator("#error")).ToHaveTextAsync("You signed out in another tab.");
        Assert.Null(await first.EvaluateAsync<string?>("() => localStorage.getItem('pipeline-api-key')"));
    }

    [Fact]
    public async Task A_refused_action_says_the_role_it_needs_and_keeps_the_page_and_the_sign_in()
    {
        var study = await fixture.CreateStudyAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/index.html?study={study}",
            PipelineFixture.CoderKey
        );
        await Assertions.Expect(page.Locator("#list")).ToBeVisibleAsync();
        // The study lead's import is not shown to a coder.
        await Assertions.Expect(page.Locator("#import")).ToBeHiddenAsync();

        // As on a page opened before the role changed: the button is there and pressed.
        await page.EvaluateAsync("() => { document.querySelector('#import').hidden = false; }");
        await page.Locator("#import-file")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "p.qdpx",
                    MimeType = "application/zip",
                    Buffer = [1, 2, 3],
                }
            );
        // Choosing the file reads it at once (a dry run), which the app refuses to a coder.
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("it needs study-lead");
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("still signed in");
        await Assertions.Expect(page.Locator("#list")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("API key")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        Assert.Equal(
            PipelineFixture.CoderKey,
            await page.EvaluateAsync<string?>("() => localStorage.getItem('pipeline-api-key')")
        );
        await PageChecks.AssertAccessibleAsync(page);
    }

    /// <summary>The study the fixture's "-elsewhere" users are scoped to; created by the first test that needs it.</summary>
    async Task<string> ScopedStudyAsync()
    {
        const string id = "another-study";
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        using var response = await lead.GetAsync($"/api/studies/{id}");
        return response.IsSuccessStatusCode ? id : await fixture.CreateStudyAsync(fixedId: id);
    }
}
