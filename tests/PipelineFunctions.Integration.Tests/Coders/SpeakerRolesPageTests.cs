using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>
/// The study lead's speakers page in Chromium: reached from the coders' list, a role per participant and the interview
/// type chosen by mouse and by keyboard, saved through the API; a coder sees them and is refused saving.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class SpeakerRolesPageTests(PipelineFixture fixture)
{
    [Fact]
    public async Task The_study_lead_assigns_roles_and_the_interview_type_by_mouse_and_by_keyboard()
    {
        var study = await fixture.CreateStudyAsync("speakers");
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "fg.vtt",
            PipelineFixture.Sample("uploads/kampala-focus-group-1.vtt"),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        var participants = (await SpeakersAsync(study, id))["speakers"]!
            .AsArray()
            .Where(s => (bool)s!["participant"]!)
            .Select(s => (string)s!["speaker"]!)
            .ToList();
        Assert.Equal(3, participants.Count);

        await using var browser = await Browser.LaunchAsync();
        var page = await SignedInAsync(browser, $"/app/coders/index.html?study={study}", PipelineFixture.LeadKey);
        await page.GetByRole(AriaRole.Link, new() { Name = "Speakers and roles" }).ClickAsync();
        ILocator Role(int n) => page.GetByLabel($"Role of {participants[n]}", new() { Exact = true });
        await Expect(Role(0)).ToBeVisibleAsync();
        await Expect(page.Locator("#interview-type-note")).ToContainTextAsync("focus group");
        Assert.Equal(0, await page.GetByLabel("Role of Facilitator", new() { Exact = true }).CountAsync());

        // By mouse: pick from the lists, click Save.
        await Role(0).SelectOptionAsync("peer worker");
        await Role(1).SelectOptionAsync("staff");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save (study lead)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved: 2 of 3 participants");
        Assert.Equal(["peer worker", "staff", null], Roles(await SpeakersAsync(study, id), participants));

        // By keyboard: arrows choose the third speaker's role, Shift+Tab back to the interview type, Enter saves.
        await Role(2).FocusAsync();
        for (var i = 0; i < 3; i++)
            await page.Keyboard.PressAsync("ArrowDown");
        for (var i = 0; i < 3; i++)
            await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(page.GetByLabel("Interview type")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("group interview");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status))
            .ToContainTextAsync("Saved: 3 of 3 participants have a role; group interview.");
        var saved = await SpeakersAsync(study, id);
        Assert.Equal(["peer worker", "staff", "service user"], Roles(saved, participants));
        Assert.Equal(("group interview", true), ((string)saved["interviewType"]!, (bool)saved["interviewTypeSet"]!));

        // A coder sees the lead's choices, and saving is the lead's.
        var coder = await SignedInAsync(
            browser,
            $"/app/coders/speakers.html?study={study}&transcript={id}",
            PipelineFixture.CoderKey
        );
        await Expect(coder.GetByLabel($"Role of {participants[2]}", new() { Exact = true }))
            .ToHaveValueAsync("service user");
        await coder.GetByRole(AriaRole.Button, new() { Name = "Save (study lead)" }).ClickAsync();
        await Expect(coder.GetByRole(AriaRole.Alert)).Not.ToBeEmptyAsync();
        Assert.Equal(["peer worker", "staff", "service user"], Roles(await SpeakersAsync(study, id), participants));
    }

    async Task<IPage> SignedInAsync(Browser browser, string path, string key)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, path).ToString());
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        return page;
    }

    async Task<JsonNode> SpeakersAsync(string study, string transcript)
    {
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        return (await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{transcript}/speakers"))!;
    }

    static List<string?> Roles(JsonNode view, IEnumerable<string> speakers) =>
        speakers
            .Select(p => (string?)view["speakers"]!.AsArray().Single(s => (string)s!["speaker"]! == p)!["role"])
            .ToList();
}
