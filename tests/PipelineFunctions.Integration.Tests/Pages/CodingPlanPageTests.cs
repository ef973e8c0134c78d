using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Coders;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>
/// Who codes what, on the study set-up page: the study lead assigns coders by site and by transcript and names the
/// transcripts two coders code blind, by mouse and keyboard; each coder's list, and their workspace, follow it.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class CodingPlanPageTests(PipelineFixture fixture)
{
    [Fact]
    public async Task The_lead_assigns_coders_by_site_and_transcript_and_each_coder_sees_what_is_theirs()
    {
        var study = await fixture.CreateStudyAsync();
        var first = await UploadAsync(study, "plan-first-50041.txt", "");
        var second = await UploadAsync(study, "plan-second-50042.txt", "Interviewer: Thank you.\n");
        await using var browser = await Browser.LaunchAsync();

        // Before any assignment both transcripts are open to every coder.
        var coder = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/index.html?study={study}",
            PipelineFixture.CoderKey
        );
        await Assertions.Expect(coder.Locator("#transcripts tbody tr")).ToHaveCountAsync(2);

        var lead = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/lead/study.html?study={study}",
            PipelineFixture.LeadKey
        );
        var plan = lead.Locator("#plan-section");
        await Assertions
            .Expect(plan.GetByRole(AriaRole.Checkbox, new() { Name = "coder codes Kampala" }))
            .ToBeVisibleAsync();
        // Only coders who work on this study are offered: coder-elsewhere is scoped to another study.
        await Assertions.Expect(plan.Locator("#site-coders thead")).Not.ToContainTextAsync("coder-elsewhere");
        await Assertions.Expect(plan.Locator("#site-coders thead")).ToContainTextAsync("coder-2");

        // By mouse: Kampala's transcripts are coder's; the first one is double coded.
        await plan.GetByRole(AriaRole.Checkbox, new() { Name = "coder codes Kampala" }).CheckAsync();
        await plan.GetByRole(AriaRole.Checkbox, new() { Name = "Double code plan-first-50041.txt" }).CheckAsync();
        await Assertions.Expect(plan.Locator($"#coded-by-{first}")).ToHaveTextAsync("coder (the site's)");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save who codes what" }).ClickAsync();
        // One coder for a double-coded transcript does not add up: said, saved all the same.
        await Assertions
            .Expect(lead.Locator("#plan-warnings"))
            .ToContainTextAsync("plan-first-50041.txt is double coded but has one coder");

        // By keyboard: the second transcript goes to coder-2 alone, the first to both coders.
        await plan.GetByRole(AriaRole.Checkbox, new() { Name = "coder-2 codes plan-second-50042.txt" }).FocusAsync();
        await lead.Keyboard.PressAsync("Space");
        foreach (var name in new[] { "coder codes plan-first-50041.txt", "coder-2 codes plan-first-50041.txt" })
        {
            await plan.GetByRole(AriaRole.Checkbox, new() { Name = name }).FocusAsync();
            await lead.Keyboard.PressAsync("Space");
        }
        await lead.GetByRole(AriaRole.Button, new() { Name = "Save who codes what" }).FocusAsync();
        await lead.Keyboard.PressAsync("Enter");
        await Assertions.Expect(lead.Locator("#done")).ToContainTextAsync("Who codes what is saved");
        await Assertions.Expect(lead.Locator("#plan-warnings li")).ToHaveCountAsync(0);
        await lead.ReloadAsync();
        await Assertions.Expect(plan.Locator($"#coded-by-{second}")).ToHaveTextAsync("coder-2");
        await Assertions.Expect(plan.Locator($"#coded-by-{first}")).ToHaveTextAsync("coder, coder-2");
        await Assertions
            .Expect(plan.GetByRole(AriaRole.Checkbox, new() { Name = "Double code plan-first-50041.txt" }))
            .ToBeCheckedAsync();
        await PageChecks.AssertAccessibleAsync(lead);
        await plan.ScrollIntoViewIfNeededAsync();
        await PageChecks.ScreenshotAsync(lead, "study-setup-who-codes-what");

        // Each coder's list follows: coder has the first (double, blind), coder-2 both.
        await coder.ReloadAsync();
        var rows = coder.Locator("#transcripts tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("plan-first-50041.txt");
        await Assertions.Expect(rows.First).ToContainTextAsync("double, blind");
        var coder2 = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/index.html?study={study}",
            PipelineFixture.Coder2Key
        );
        await Assertions.Expect(coder2.Locator("#transcripts tbody tr")).ToHaveCountAsync(2);

        // A transcript assigned to others is refused with the reason, and the coder stays signed in.
        var elsewhere = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/review.html?study={study}&transcript={second}",
            PipelineFixture.CoderKey
        );
        await Assertions
            .Expect(elsewhere.Locator("#error"))
            .ToContainTextAsync("assigned this transcript to other coders");
        await Assertions.Expect(elsewhere.Locator("#who")).ToContainTextAsync("coder");
        using var api = fixture.Client(PipelineFixture.CoderKey);
        using var save = await api.PutAsJsonAsync(
            $"/api/studies/{study}/transcripts/{second}/review/mine",
            new { codings = Array.Empty<object>() }
        );
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);

        // The settings answer names the plan's double coding, and a settings change leaves it as it is.
        using var leadApi = fixture.Client(PipelineFixture.LeadKey);
        var settings = (await leadApi.GetFromJsonAsync<JsonObject>($"/api/studies/{study}/settings"))!;
        settings.Remove("doubleCodeTranscripts");
        (await leadApi.PutAsJsonAsync($"/api/studies/{study}/settings", settings)).EnsureSuccessStatusCode();
        var after = (await leadApi.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/coding-plan"))!;
        Assert.True((bool)after["transcripts"]!.AsArray().Single(t => (string?)t!["id"] == first)!["doubleCoded"]!);
    }

    async Task<string> UploadAsync(string study, string fileName, string extra)
    {
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            fileName,
            Encoding.UTF8.GetBytes(CodersWorkspaceTests.Transcript + extra),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        return id;
    }
}
