using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Coders;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>
/// The codebook as a tree in pages: a colour fixed per code, given on the codebook page and shown on the coding page and
/// the code tree; two codes merged by keyboard, their codings moved to the kept code in the coders' work, a new version.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class CodebookMergePageTests(PipelineFixture fixture)
{
    [Fact]
    public async Task The_lead_colours_a_code_and_merges_another_into_it_with_its_codings()
    {
        var study = await fixture.CreateStudyAsync();
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "merge-50051.txt",
            Encoding.UTF8.GetBytes(CodersWorkspaceTests.Transcript + "Interviewer: Anything else?\n"),
            PipelineFixture.KampalaKey
        );
        var transcript = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, transcript, "SuggestionsReady");
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        // Every code was given a colour of its own when the study was stored.
        var stored = (await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/codebook"))!["codes"]!.AsArray();
        Assert.Equal(stored.Count, stored.Select(c => (string?)c!["colour"]).Distinct().Count(c => c is not null));
        (
            await coder.PutAsJsonAsync(
                $"/api/studies/{study}/transcripts/{transcript}/review/mine",
                new
                {
                    codings = new[]
                    {
                        new
                        {
                            segment = 4,
                            codeId = "staff-hostility",
                            origin = "added",
                        },
                        new
                        {
                            segment = 4,
                            codeId = "unsupportive-environment",
                            origin = "added",
                        },
                        new
                        {
                            segment = 6,
                            codeId = "staff-hostility",
                            origin = "added",
                        },
                    },
                }
            )
        ).EnsureSuccessStatusCode();

        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/lead/codebook.html?study={study}",
            PipelineFixture.LeadKey
        );
        var tree = page.Locator("#tree");
        // A colour given to the kept code, saved as a version.
        await tree.GetByRole(AriaRole.Button, new() { Name = "Unsupportive working environments" }).ClickAsync();
        await page.GetByLabel("Colour", new() { Exact = false }).FillAsync("#aa0000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await Assertions
            .Expect(page.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }))
            .ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("Codebook version");

        // By keyboard: hostility merged into the unsupportive environment.
        await tree.GetByRole(AriaRole.Button, new() { Name = "Hostility from non-PSS staff" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByLabel("Merge this code into").FocusAsync();
        await page.GetByLabel("Merge this code into")
            .SelectOptionAsync(new SelectOptionValue { Label = "Unsupportive working environments" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions
            .Expect(page.Locator("#done"))
            .ToContainTextAsync(
                "'Hostility from non-PSS staff' merged into 'Unsupportive working environments': 2 codings on 1 transcripts moved"
            );
        await Assertions
            .Expect(tree.GetByRole(AriaRole.Button, new() { Name = "Hostility from non-PSS staff" }))
            .ToHaveCountAsync(0);
        await Assertions
            .Expect(tree.Locator("button[data-code=unsupportive-environment] .swatch"))
            .ToHaveCSSAsync("background-color", "rgb(170, 0, 0)");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "codebook-merge-and-colour");

        // The coder's work holds the kept code where the merged one was, once per passage.
        var mine = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{transcript}/review"))![
            "mine"
        ]!["codings"]!.AsArray();
        Assert.Equal(
            [(4, "unsupportive-environment"), (6, "unsupportive-environment")],
            mine.Select(c => ((int)c!["segment"]!, (string)c["codeId"]!)).Order()
        );

        // The coding page and its code tree show the code's own colour.
        var review = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/review.html?study={study}&transcript={transcript}",
            PipelineFixture.CoderKey
        );
        await Assertions.Expect(review.Locator("#passage-6 .chip")).ToHaveCSSAsync("border-color", "rgb(170, 0, 0)");
        await Assertions
            .Expect(review.Locator("#passage-6 .stripes .stripe"))
            .ToHaveCSSAsync("border-left-color", "rgb(170, 0, 0)");
        await Assertions
            .Expect(review.Locator("#tree button[data-code=unsupportive-environment] .swatch"))
            .ToHaveCSSAsync("background-color", "rgb(170, 0, 0)");
        var codes = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/codes.html?study={study}",
            PipelineFixture.CoderKey
        );
        await Assertions
            .Expect(codes.Locator("#tree button[data-code=unsupportive-environment] .swatch"))
            .ToHaveCSSAsync("background-color", "rgb(170, 0, 0)");

        // A coder cannot merge codes.
        using var refused = await coder.PostAsJsonAsync(
            $"/api/studies/{study}/codebook/merge",
            new { from = "defined-role", into = "unclear-role" }
        );
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
