using Microsoft.Playwright;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Transcripts;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>
/// The import step says what reading the file found before anything is written (here: a memo about a code alone,
/// which the study has no place for), imports by keyboard, and the project's saved search is then the study's: on
/// the search page it opens, by mouse, to its passages, each a link to the coding page.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ImportFindingsPageTests(PipelineFixture fixture)
{
    const string SourceGuid = "22222222-bbbb-4bbb-8bbb-000000000001";

    static byte[] Project()
    {
        var source = TranscriptSource.Build(
            SourceGuid,
            "Interview with findings",
            [
                new(0, "Interviewer", "How do the staff treat you?"),
                new(1, "50031", "Some staff will not sit with us at lunch."),
                new(2, "50031", "My supervisor explains our work to the staff."),
            ]
        );
        var (start, end) = TranscriptSource.Offsets(source, 1)!.Value;
        var project = new QdaProject(
            "Findings",
            [new("coder-x", "Coder X")],
            new Codebook("Findings", [new Code("stigma-talk", "Stigma talk", null, "Talk of stigma at work.")]),
            [source],
            [],
            [new("Does lunch count as exclusion?", "coder-x", CodeId: "stigma-talk")],
            Sets:
            [
                new(
                    "33333333-cccc-4ccc-8ccc-000000000001",
                    "Lunch",
                    [SourceGuid],
                    Description: SavedSearchText.Describe(new("lunch"), 1),
                    Passages: [new(SourceGuid, start, end)]
                ),
            ]
        );
        return QdpxWriter.Write(
            ParticipantCases.Add(project, _ => new TranscriptAttributes("kampala", "Uganda", "en"))
        );
    }

    [Fact]
    public async Task What_the_file_holds_that_is_not_imported_is_said_first_and_its_saved_search_opens_on_the_search_page()
    {
        var study = await fixture.CreateStudyAsync("findings");
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/index.html?study={study}",
            PipelineFixture.LeadKey
        );
        await Assertions.Expect(page.Locator("#list")).ToBeVisibleAsync();
        await page.GetByLabel("REFI-QDA project (.qdpx)")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "findings.qdpx",
                    MimeType = "application/zip",
                    Buffer = Project(),
                }
            );
        var findings = page.GetByRole(AriaRole.List, new() { Name = "What reading the file found" });
        await Assertions.Expect(findings).ToContainTextAsync("1 memo(s) are about no source of the file (a code alone");
        Assert.Empty(await fixture.Transcripts.ListAsync(study, default));
        await PageChecks.AssertAccessibleAsync(page);

        // By keyboard: Import, once every source has its site and language.
        var import = page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true });
        await Assertions.Expect(import).ToBeEnabledAsync();
        await import.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions
            .Expect(page.GetByRole(AriaRole.Status))
            .ToContainTextAsync("1 source(s) imported; 1 saved search(es) added.");
        await Assertions.Expect(findings).ToContainTextAsync("so they are not imported");
        var transcript = Assert.Single(await fixture.Transcripts.ListAsync(study, default));
        await fixture.WaitForStatusAsync(study, transcript.Id, "SuggestionsReady");

        // By mouse: the saved search opens to its passage, and the link leads to it on the coding page.
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/app/coders/search.html?study={study}").ToString());
        var set = page.Locator("#sets summary", new() { HasText = "Lunch" });
        await Assertions.Expect(set).ToContainTextAsync("Lunch: “lunch”, 1 passage(s)");
        await set.ClickAsync();
        var link = page.GetByRole(AriaRole.Link, new() { Name = $"{transcript.FileName}, passage 2" });
        await Assertions.Expect(link).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page);
        await link.ClickAsync();
        await Assertions
            .Expect(page.Locator("#passage-2 .text"))
            .ToHaveTextAsync("Some staff will not sit with us at lunch.");
    }
}
