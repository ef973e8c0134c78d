using System.Net.Http.Json;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Coders;
using PipelineFunctions.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>
/// The themes report in Chromium: a coder codes passages and marks one as an illustrative quote on the coding page
/// (a Dar es Salaam transcript is coded through the API, one of its speakers given a role by the study lead); the
/// study lead clicks from the study's overview to the report, reads the counts by site and role and the quote's
/// citation, and downloads the Word document, which the OpenXml validator passes.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ThemesReportPageTests(PipelineFixture fixture)
{
    [Fact]
    public async Task A_marked_quote_and_the_counts_by_site_and_role_reach_the_themes_page_and_its_Word_document()
    {
        var study = await fixture.CreateStudyAsync("themes", name: "Themes study");
        var kampala = await UploadAsync(study, "kampala", "themes-k.txt", CodersWorkspaceTests.Transcript);
        var dar = await UploadAsync(
            study,
            "dar-es-salaam",
            "themes-d.txt",
            CodersWorkspaceTests.Transcript.Replace("#9 (PSW)", "#4 (PSW)")
        );
        await fixture.WaitForStatusAsync(study, kampala, "SuggestionsReady");
        await fixture.WaitForStatusAsync(study, dar, "SuggestionsReady");

        // Dar es Salaam: the lead makes #4 staff; a coder codes two passages and submits, by the API.
        using (var lead = fixture.Client(PipelineFixture.LeadKey))
        {
            using var roles = await lead.PutAsJsonAsync(
                $"/api/studies/{study}/transcripts/{dar}/speakers",
                new { roles = new Dictionary<string, string> { ["#4 (PSW)"] = "staff" } }
            );
            Assert.True(roles.IsSuccessStatusCode, await roles.Content.ReadAsStringAsync());
        }
        using (var coder = fixture.Client(PipelineFixture.CoderKey))
        {
            using var saved = await coder.PutAsJsonAsync(
                $"/api/studies/{study}/transcripts/{dar}/review/mine",
                new
                {
                    codings = new[]
                    {
                        new
                        {
                            segment = 2,
                            codeId = "supportive-figures",
                            origin = "added",
                        },
                        new
                        {
                            segment = 6,
                            codeId = "unsupportive-environment",
                            origin = "added",
                        },
                    },
                }
            );
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
            using var submitted = await coder.PostAsync(
                $"/api/studies/{study}/transcripts/{dar}/review/mine/submit",
                null
            );
            Assert.True(submitted.IsSuccessStatusCode);
        }

        // Kampala, on the coding page: two codes, one marked as an illustrative quote by its toggle, then submitted.
        await using var browser = await Browser.LaunchAsync();
        var coding = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/review.html?study={study}&transcript={kampala}",
            PipelineFixture.CoderKey
        );
        await Expect(coding.Locator("#passages > li")).ToHaveCountAsync(6);
        await CodeAsync(coding, 2, "Supportive figures");
        await CodeAsync(coding, 4, "Hostility from non-PSS staff");
        var mark = coding.GetByRole(
            AriaRole.Button,
            new() { Name = "Illustrative quote: Supportive figures on passage 2", Exact = true }
        );
        await Expect(mark).ToHaveAttributeAsync("aria-pressed", "false");
        await mark.ClickAsync();
        await Expect(mark).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(coding.Locator("#saved")).ToContainTextAsync("Saved at");
        await PageChecks.AssertAccessibleAsync(coding);
        await coding.GetByRole(AriaRole.Button, new() { Name = "Submit my coding" }).ClickAsync();
        await Expect(coding.Locator("#saved")).ToContainTextAsync("Submitted");

        // The study lead: from the study's overview to the report by clicking.
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/lead/overview.html?study={study}",
            PipelineFixture.LeadKey
        );
        await page.GetByRole(AriaRole.Link, new() { Name = "Themes report", Exact = true }).First.ClickAsync();
        await Expect(page.Locator("#title")).ToHaveTextAsync("Themes report: Themes study");
        var facilitators = page.Locator("#theme-facilitators");
        await Expect(facilitators).ToBeVisibleAsync();
        Assert.Equal(
            ["Kampala", "Dar es Salaam", "PSW", "staff"],
            await Cells(facilitators.Locator("thead tr").Nth(1))
        );
        Assert.Equal(
            ["Supportive figures", "1", "1", "1", "1", "2"],
            await Cells(facilitators.Locator("tbody tr").First)
        );
        Assert.Equal(
            ["All of Barriers", "1", "1", "1", "1", "2"],
            await Cells(page.Locator("#theme-barriers tbody tr").Last)
        );
        var quotes = page.GetByRole(AriaRole.List, new() { Name = "Illustrative quotes of Facilitators" });
        await Expect(quotes.Locator("li")).ToHaveCountAsync(1);
        await Expect(quotes)
            .ToHaveTextAsync(
                "Supportive figures: “My supervisor backs me up and chases what I need from the managers.” "
                    + "[#9, Kampala, PSW]"
            );
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "themes-report");

        // The Word document: valid Open XML, the same table and the quote with its citation.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Download as Word" }).ClickAsync()
        );
        Assert.Equal($"{study}-themes.docx", download.SuggestedFilename);
        await using var file = File.OpenRead((await download.PathAsync())!);
        using var document = WordprocessingDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = document.MainDocumentPart!.Document!.Body!;
        var table = body.Elements<Table>().First();
        Assert.Equal(
            ["Supportive figures", "1", "1", "1", "1", "2"],
            table.Elements<TableRow>().ElementAt(2).Elements<TableCell>().Select(c => c.InnerText)
        );
        Assert.Contains(
            body.Elements<Paragraph>(),
            p =>
                p.InnerText
                == "Supportive figures: “My supervisor backs me up and chases what I need from the managers.” "
                    + "[#9, Kampala, PSW]"
        );
    }

    async Task<string> UploadAsync(string study, string site, string name, string text)
    {
        var (_, body) = await fixture.UploadAsync(
            study,
            site,
            name,
            Encoding.UTF8.GetBytes(text),
            site == "kampala" ? PipelineFixture.KampalaKey : PipelineFixture.DarKey
        );
        return (string)body!["transcriptId"]!;
    }

    /// <summary>Makes a passage current by clicking it, then codes the whole passage from the code field.</summary>
    static async Task CodeAsync(IPage page, int passage, string code)
    {
        await page.Locator($"#passage-{passage} .speaker").ClickAsync();
        await Expect(page.Locator($"#passage-{passage}")).ToHaveAttributeAsync("aria-current", "true");
        await page.Locator("#add-code").ClickAsync();
        await page.Keyboard.TypeAsync(code);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($"#passage-{passage} .chip", new() { HasText = code })).ToHaveCountAsync(1);
    }

    static async Task<List<string>> Cells(ILocator row) =>
        [.. (await row.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim())];
}
