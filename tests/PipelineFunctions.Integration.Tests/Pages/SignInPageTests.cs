using System.Text;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>
/// Signing in on every page: what it needs is said before a key is typed, a key of the wrong role is told the role it
/// needs with the form back and a way out, and every page signs out. Also the pages not covered elsewhere: the site's
/// pseudonymisation check and the custodian's key view, and the admin page at 1366 px.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class SignInPageTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("coders/index.html?study=s", "coder or study-lead")]
    [InlineData("coders/review.html?study=s&transcript=t", "coder or study-lead")]
    [InlineData("coders/search.html?study=s", "coder or study-lead")]
    [InlineData("coders/matrix.html?study=s", "coder or study-lead")]
    [InlineData("translation/index.html", "translation-lead")]
    [InlineData("site/queries.html?study=s", "site-researcher")]
    [InlineData("admin/status.html", "admin")]
    public async Task Without_a_key_each_page_says_what_it_needs(string path, string role)
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/app/" + path).ToString());
        await Assertions.Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#signin-help")).ToContainTextAsync(role);
        await Assertions.Expect(page.Locator("#signin-help")).ToContainTextAsync("Entra ID");
        await PageChecks.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_key_of_the_wrong_role_is_told_the_role_needed_and_can_sign_in_again_or_out()
    {
        var study = await fixture.CreateStudyAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/index.html?study={study}",
            "local-translation-key"
        );
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("it needs coder or study-lead");
        await Assertions.Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page);

        await page.GetByLabel("API key").FillAsync(PipelineFixture.CoderKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#list")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#error")).ToBeEmptyAsync();
        await PageChecks.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.Locator("#list")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync("You are signed out.");
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('pipeline-api-key')"));

        // The admin page too: a coder's key is told it needs admin.
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/app/admin/status.html").ToString());
        await page.GetByLabel("API key").FillAsync(PipelineFixture.CoderKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#error")).ToContainTextAsync("it needs admin");
        await Assertions.Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_admin_page_fits_1366_px_with_every_status_column_in_view()
    {
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            "/app/admin/status.html",
            PipelineFixture.AdminKey
        );
        await Assertions.Expect(page.Locator("#status")).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<double>(
            "() => document.querySelector('#sites').getBoundingClientRect().width"
        );
        var room = await page.EvaluateAsync<double>("() => document.querySelector('#sites').parentElement.clientWidth");
        Assert.True(width <= room + 1, $"The By-site table is {width} px wide in {room} px.");
        await PageChecks.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_site_keeps_a_word_by_its_pseudonym_and_the_custodian_sees_each_pseudonym_inline()
    {
        var study = await fixture.CreateStudyAsync();
        // The site keeps a replaced word by its pseudonym, never seeing or typing it (here the team's address, not a person's).
        var text =
            "Interviewer: Who helps?\n50021: My neighbour Nakato helps; we write to info@example.org for the team.\n";
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "k.txt",
            Encoding.UTF8.GetBytes(text),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        await using var browser = await Browser.LaunchAsync();

        var site = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/site/pseudonymisation.html?study={study}&transcript={id}",
            PipelineFixture.KampalaKey
        );
        var keep = site.GetByRole(
            AriaRole.Button,
            new()
            {
                NameRegex = new System.Text.RegularExpressions.Regex(
                    @"^\[(?!PERSON).*is not an identifier: keep the original word"
                ),
            }
        );
        await Assertions.Expect(keep).ToHaveCountAsync(1);
        await Assertions
            .Expect(site.GetByLabel("A word that was replaced but is not an identifier"))
            .ToHaveCountAsync(0);
        await PageChecks.AssertAccessibleAsync(site);
        await keep.First.ClickAsync();
        await Assertions
            .Expect(site.GetByRole(AriaRole.Status))
            .ToContainTextAsync("Correction saved; 1 transcript(s)");

        var custodian = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/site/pseudonymisation.html?study={study}&transcript={id}&view=key",
            "local-custodian-key"
        );
        await Assertions.Expect(custodian.Locator("#turns mark .pseudonym").First).ToBeVisibleAsync();
        await Assertions.Expect(custodian.Locator("#turns mark .pseudonym").First).ToContainTextAsync("→ [");
        await PageChecks.AssertAccessibleAsync(custodian);
    }
}
