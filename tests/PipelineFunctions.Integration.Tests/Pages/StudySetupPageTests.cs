using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>
/// The study lead sets a study up in the browser alone: created with sites, languages and a codebook file, edited, the
/// roster uploaded after a preview, the codebook edited as a tree and saved as a new version, a coder's proposal
/// approved and another declined; the overview; and the audit log read on a page by the admin.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class StudySetupPageTests(PipelineFixture fixture)
{
    const string CodebookCsv =
        "id,name,parent,definition,inclusion,exclusion,examples\n"
        + "barriers,Barriers,,Anything that hinders the peer worker.,,,\n"
        + "stigma,Stigma,barriers,Colleagues or patients looking down on lived experience.,Said of the workplace,,\"They think we are still ill\"\n"
        + "facilitators,Facilitators,,Anything that helps the peer worker.,,,\n"
        + "supervision,Supervision,facilitators,Regular support from a supervisor.,,,\n";

    [Fact]
    public async Task A_study_is_set_up_from_nothing_in_the_browser()
    {
        var name = $"Peer support in Ulm {Guid.NewGuid().ToString("n")[..6]}";
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(browser, fixture.App.BaseAddress, "/app/", PipelineFixture.LeadKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up a new study" }).ClickAsync();

        await page.GetByLabel("Study name").FillAsync(name);
        var id = await page.GetByLabel("Study id").InputValueAsync();
        Assert.StartsWith("peer-support-in-ulm-", id);
        await page.GetByLabel("Name of site 1").FillAsync("Ulm");
        await Assertions.Expect(page.GetByLabel("Id of site 1")).ToHaveValueAsync("ulm");
        await page.GetByLabel("Country of site 1").FillAsync("DE");
        await page.GetByLabel("Languages of site 1").FillAsync("de, en");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a site" }).ClickAsync();
        // The new site's name field has the focus: typed by keyboard.
        await page.Keyboard.TypeAsync("Dar es Salaam");
        await Assertions.Expect(page.GetByLabel("Id of site 2")).ToHaveValueAsync("dar-es-salaam");
        await page.GetByLabel("Languages of site 2").FillAsync("sw");
        await page.GetByLabel("Study languages").FillAsync("en, de, sw");
        await page.GetByLabel("Pseudonyms look like").SelectOptionAsync("Typed");
        await page.GetByLabel("Transcripts two coders code blind first").FillAsync("1");
        await Assertions
            .Expect(page.GetByLabel("Site's check before coding", new() { Exact = false }))
            .ToBeCheckedAsync();
        await page.GetByLabel("Allow list: words never taken for identifiers, one a line")
            .FillAsync("PSW\nGenesungsbegleiter");
        await page.GetByLabel("Codebook file (JSON, CSV, REFI-QDA .qdc or .qdpx)")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "ulm-codebook.csv",
                    MimeType = "text/csv",
                    Buffer = Encoding.UTF8.GetBytes(CodebookCsv),
                }
            );
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "study-setup-new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the study" }).ClickAsync();
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync($"Study {name} created with 4 codes");

        // The roster: previewed, then saved; kept away from coders.
        await page.GetByLabel("Roster CSV").SetInputFilesAsync(Path.Combine(RepoPaths.Samples, "roster.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator("#roster-summary")).ToContainTextAsync("nothing is saved yet");
        await Assertions.Expect(page.Locator("#roster-preview")).ToContainTextAsync("Rehema Mushi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the roster" }).ClickAsync();
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("Roster saved");

        // Edited afterwards: the change holds across a reload.
        await page.GetByLabel("Transcripts two coders code blind first").FillAsync("3");
        await page.GetByLabel("Allow Azure AI Language", new() { Exact = false }).CheckAsync();
        // The site's check turned off by keyboard.
        await page.GetByLabel("Site's check before coding", new() { Exact = false }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("Changes saved.");
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Transcripts two coders code blind first")).ToHaveValueAsync("3");
        await Assertions
            .Expect(page.GetByLabel("Site's check before coding", new() { Exact = false }))
            .Not.ToBeCheckedAsync();
        using (var leadApi = fixture.Client(PipelineFixture.LeadKey))
            Assert.False(
                (bool)(await leadApi.GetFromJsonAsync<JsonNode>($"/api/studies/{id}/settings"))!["siteCheck"]!
            );
        await Assertions.Expect(page.GetByLabel("Name of site 2")).ToHaveValueAsync("Dar es Salaam");
        await Assertions.Expect(page.GetByLabel("Pseudonyms look like")).ToHaveValueAsync("Typed");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "study-setup-edit");

        // The codebook as a tree: rename, add under a code, move, saved as a new version.
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the codebook" }).ClickAsync();
        var tree = page.Locator("#tree");
        await Assertions.Expect(tree.GetByRole(AriaRole.Button)).ToHaveCountAsync(4);
        await tree.GetByRole(AriaRole.Button, new() { Name = "Stigma" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Stigma at work");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a code under this one" }).ClickAsync();
        await page.Keyboard.TypeAsync("Being called a patient");
        await page.GetByLabel("Definition").FillAsync("Staff treat the peer worker as a patient.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await tree.GetByRole(AriaRole.Button, new() { Name = "Supervision" }).ClickAsync();
        await page.GetByLabel("Under").SelectOptionAsync(new SelectOptionValue { Label = "Barriers" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("with 5 codes");
        await page.ReloadAsync();
        await Assertions
            .Expect(
                tree.Locator("li", new() { HasText = "Stigma at work" })
                    .GetByRole(AriaRole.Button, new() { Name = "Being called a patient" })
            )
            .ToBeVisibleAsync();
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        var codebook = (await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{id}/codebook"))!;
        Assert.Equal(
            "barriers",
            (string?)codebook["codes"]!.AsArray().Single(c => (string?)c!["id"] == "supervision")!["parent"]
        );

        // A coder's proposals: one approved into the codebook, one declined.
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        (
            await coder.PostAsJsonAsync(
                $"/api/studies/{id}/codebook/proposals",
                new { name = "Waiting lists", definition = "Time before care begins." }
            )
        ).EnsureSuccessStatusCode();
        (
            await coder.PostAsJsonAsync(
                $"/api/studies/{id}/codebook/proposals",
                new { name = "Weather", definition = "Talk about the weather." }
            )
        ).EnsureSuccessStatusCode();
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve Waiting lists" }).ClickAsync();
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("'Waiting lists' is now code");
        await Assertions.Expect(tree.GetByRole(AriaRole.Button, new() { Name = "Waiting lists" })).ToBeVisibleAsync();
        // The message shows before the table is drawn again: a focus taken in the old table would be lost with it.
        await Assertions
            .Expect(page.Locator("#proposals tr", new() { HasText = "Waiting lists" }))
            .ToContainTextAsync("approved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Decline Weather" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions
            .Expect(page.Locator("#proposals tr", new() { HasText = "Weather" }))
            .ToContainTextAsync("declined");
        await Assertions.Expect(tree.GetByRole(AriaRole.Button, new() { Name = "Weather" })).ToHaveCountAsync(0);
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "codebook-and-proposals");

        // A codebook file imported over it makes another version.
        await page.GetByLabel("Codebook file (JSON, CSV, REFI-QDA .qdc or .qdpx)")
            .SetInputFilesAsync(Path.Combine(RepoPaths.Samples, "codebooks", "imh-barriers-facilitators.json"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import as a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("Codebook version");
        await Assertions
            .Expect(tree.GetByRole(AriaRole.Button, new() { Name = "Supportive figures" }))
            .ToBeVisibleAsync();

        // The roster and settings are the lead's: a coder who opens the set-up page is told so and stays signed in.
        var asCoder = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/lead/study.html?study={id}",
            PipelineFixture.CoderKey
        );
        await Assertions.Expect(asCoder.Locator("#error")).ToContainTextAsync("it needs study-lead");
        await Assertions.Expect(asCoder.Locator("#setup")).ToBeHiddenAsync();
        await Assertions.Expect(asCoder.Locator("#who")).ToContainTextAsync("coder");
    }

    [Fact]
    public async Task The_overview_counts_by_site_and_status_and_the_admin_reads_the_audit_log_on_a_page()
    {
        var study = await fixture.CreateStudyAsync();
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "kampala-interview-50030.txt",
            PipelineFixture.Sample("uploads/dar-interview-50007_2.txt"),
            PipelineFixture.KampalaKey
        );
        await fixture.UploadAsync(study, "kampala", "empty-50031.txt", [], PipelineFixture.KampalaKey);
        await fixture.WaitForStatusAsync(study, (string)body!["transcriptId"]!, "SuggestionsReady");
        await using var browser = await Browser.LaunchAsync();

        var lead = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/lead/overview.html?study={study}",
            PipelineFixture.LeadKey
        );
        await Assertions
            .Expect(lead.Locator("#counts tr", new() { HasText = "SuggestionsReady" }))
            .ToContainTextAsync("1");
        await Assertions.Expect(lead.Locator("#waits")).ToContainTextAsync("the coders");
        await Assertions.Expect(lead.Locator("#problems")).ToContainTextAsync("empty-50031.txt");
        await PageChecks.AssertAccessibleAsync(lead);
        await PageChecks.ScreenshotAsync(lead, "lead-overview");

        using (var coder = fixture.Client(PipelineFixture.CoderKey))
            await coder.GetAsync($"/api/studies/{study}/transcripts/{(string)body["transcriptId"]!}/segments");
        var admin = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/?study={study}",
            PipelineFixture.AdminKey
        );
        await admin.Locator("section.study").GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        var entries = admin.Locator("#entries tbody tr");
        await Assertions.Expect(entries.First).ToBeVisibleAsync();
        var all = await entries.CountAsync();
        await admin.GetByLabel("Action").SelectOptionAsync("read-transcript");
        await Assertions.Expect(entries).ToHaveCountAsync(1);
        await Assertions.Expect(entries.First).ToContainTextAsync("coder");
        Assert.True(all > 1, $"{all} entries before filtering");
        await PageChecks.AssertAccessibleAsync(admin);
        await PageChecks.ScreenshotAsync(admin, "admin-audit");
    }
}
