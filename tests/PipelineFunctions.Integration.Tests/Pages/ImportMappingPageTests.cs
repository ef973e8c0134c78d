using Microsoft.Playwright;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Core.Transcripts;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>
/// The study lead's import mapping step on the workspace page: the chosen file is read as a dry run, each source shown
/// with its site and language and where they came from, the lead picks the site of the source the file does not place
/// with the mouse, Import waits until every source has both, and each source lands at its site and language; the same
/// file again shows every source as already in the study, offers no Import, and creates nothing.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ImportMappingPageTests(PipelineFixture fixture)
{
    const string Kampala = "11111111-aaaa-4aaa-8aaa-000000000001",
        Dar = "11111111-aaaa-4aaa-8aaa-000000000002",
        Unplaced = "11111111-aaaa-4aaa-8aaa-000000000003";

    /// <summary>A two-site project as a tool writes it: Site and Language per source, but the third has no site and a
    /// name that suggests none.</summary>
    static byte[] TwoSiteProject()
    {
        QdaSource Source(string guid, string name, string sample) =>
            TranscriptSource.Build(
                guid,
                name,
                TranscriptReader.Read(Path.GetFileName(sample), PipelineFixture.Sample(sample)).Turns
            );
        var project = new QdaProject(
            "Two sites",
            [],
            new Codebook("Two sites", []),
            [
                Source(Kampala, "Interview 50007 part 2", "uploads/dar-interview-50007_2.txt"),
                Source(Dar, "Mahojiano 50010", "uploads/dar-interview-50010.sw.txt"),
                Source(Unplaced, "Follow-up 50010 in English", "uploads/dar-interview-50010.en.txt"),
            ],
            [],
            []
        );
        return QdpxWriter.Write(
            ParticipantCases.Add(
                project,
                s =>
                    s.Guid switch
                    {
                        Kampala => new TranscriptAttributes("kampala", "Uganda", "en"),
                        Dar => new TranscriptAttributes("Dar es Salaam", "Tanzania", "Kiswahili"),
                        _ => new TranscriptAttributes(Language: "en"),
                    }
            )
        );
    }

    static ILocator Row(IPage page, string guid) => page.Locator($"#import-sources tbody tr[data-source='{guid}']");

    [Fact]
    public async Task The_lead_maps_the_unplaced_source_with_the_mouse_imports_and_a_second_import_creates_nothing()
    {
        var study = await fixture.CreateStudyAsync("mappage");
        var file = new FilePayload
        {
            Name = "two-sites.qdpx",
            MimeType = "application/zip",
            Buffer = TwoSiteProject(),
        };
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/index.html?study={study}",
            PipelineFixture.LeadKey
        );
        await Assertions.Expect(page.Locator("#list")).ToBeVisibleAsync();
        await page.GetByLabel("REFI-QDA project (.qdpx)").SetInputFilesAsync(file);

        // The plan: two placed by the file, one waiting for its site; nothing written yet.
        var summary = page.Locator("#import-summary");
        await Assertions.Expect(summary).ToHaveTextAsync("2 to import, 1 needs a site.");
        var import = page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true });
        await Assertions.Expect(import).ToBeDisabledAsync();
        await Assertions.Expect(Row(page, Kampala)).ToContainTextAsync("Interview 50007 part 2");
        await Assertions.Expect(Row(page, Kampala)).ToContainTextAsync("Site from the file; language from the file");
        await Assertions.Expect(page.GetByLabel("Site of Interview 50007 part 2")).ToHaveValueAsync("kampala");
        await Assertions.Expect(page.GetByLabel("Site of Mahojiano 50010")).ToHaveValueAsync("dar-es-salaam");
        await Assertions.Expect(page.GetByLabel("Language of Mahojiano 50010")).ToHaveValueAsync("sw");
        var unplacedSite = page.GetByLabel("Site of Follow-up 50010 in English");
        await Assertions.Expect(unplacedSite).ToHaveValueAsync("");
        await Assertions.Expect(Row(page, Unplaced)).ToContainTextAsync("Site to choose; language from the file");
        var text = QdpxReader.Read(file.Buffer).Source(Unplaced)!.PlainText;
        await Assertions
            .Expect(Row(page, Unplaced).Locator("td").Nth(1))
            .ToHaveTextAsync($"{System.Text.Encoding.UTF8.GetByteCount(text)} B");
        Assert.Empty(await fixture.Transcripts.ListAsync(study, default));
        await PageChecks.AssertAccessibleAsync(page);

        await unplacedSite.ClickAsync();
        await unplacedSite.SelectOptionAsync(new SelectOptionValue { Label = "Dar es Salaam" });
        await Assertions.Expect(summary).ToHaveTextAsync("3 to import.");
        await Assertions.Expect(Row(page, Unplaced)).ToContainTextAsync("Site chosen; language from the file");
        await Assertions.Expect(import).ToBeEnabledAsync();
        await import.ClickAsync();

        var status = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToContainTextAsync("3 source(s) imported.");
        await Assertions.Expect(page.Locator("#import-report tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#import-report")).ToContainTextAsync("Dar es Salaam");
        var transcripts = await fixture.Transcripts.ListAsync(study, default);
        Assert.Equal(
            [("dar-es-salaam", "en"), ("dar-es-salaam", "sw"), ("kampala", "en")],
            transcripts.Select(t => (t.SiteId, t.Language)).Order()
        );
        // Each is parsed (so its content is the study's) before the file comes again.
        foreach (var t in transcripts)
            await fixture.WaitForStatusAsync(
                study,
                t.Id,
                "SuggestionsReady",
                "AwaitingTranslationCheck",
                "AwaitingTranslationReview"
            );

        await page.GetByLabel("REFI-QDA project (.qdpx)").SetInputFilesAsync(file);
        await Assertions.Expect(summary).ToHaveTextAsync("0 to import, 3 already in the study.");
        foreach (var guid in new[] { Kampala, Dar, Unplaced })
            await Assertions.Expect(Row(page, guid)).ToContainTextAsync("Already in the study: not imported again");
        await Assertions.Expect(page.Locator("#import-sources select")).ToHaveCountAsync(0);
        await Assertions.Expect(import).ToBeDisabledAsync();
        Assert.Equal(3, (await fixture.Transcripts.ListAsync(study, default)).Count);
    }
}
