using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Coders;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>
/// A code is never removed from under its codings: the codebook page names how many codings use a code, its Remove
/// refuses with that count and offers the merge; the API refuses a version that would leave codings dangling. A code
/// nothing uses is removed and saved as before.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class CodebookRemovePageTests(PipelineFixture fixture)
{
    [Fact]
    public async Task Removing_a_code_in_use_names_its_codings_and_merges_them_instead_of_leaving_them_dangling()
    {
        var study = await fixture.CreateStudyAsync();
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "remove-50052.txt",
            Encoding.UTF8.GetBytes(CodersWorkspaceTests.Transcript + "Interviewer: Anything else?\n"),
            PipelineFixture.KampalaKey
        );
        var transcript = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, transcript, "SuggestionsReady");
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        using var lead = fixture.Client(PipelineFixture.LeadKey);
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
                            segment = 6,
                            codeId = "staff-hostility",
                            origin = "added",
                        },
                    },
                }
            )
        ).EnsureSuccessStatusCode();

        // The API: a version without the code in use is refused with the count; the codebook stays as it was.
        var stored = (await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/codebook"))!.AsObject();
        var without = stored.DeepClone().AsObject();
        var codes = without["codes"]!.AsArray();
        codes.Remove(codes.First(c => (string)c!["id"]! == "staff-hostility"));
        using (
            var refused = await lead.PutAsync(
                $"/api/studies/{study}/codebook?format=json",
                new StringContent(without.ToJsonString(), Encoding.UTF8, "application/json")
            )
        )
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = (await refused.Content.ReadFromJsonAsync<JsonNode>())!;
            Assert.Equal(
                "'Hostility from non-PSS staff' codes 2 codings on 1 transcript. Merge it into another "
                    + "code instead of removing it, so no coding is left without its code.",
                (string)problem["detail"]!
            );
            Assert.Equal(2, (int)problem["codes"]![0]!["codings"]!);
        }
        var after = (await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/codebook"))!["codes"]!.AsArray();
        Assert.Contains(after, c => (string)c!["id"]! == "staff-hostility");

        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/lead/codebook.html?study={study}",
            PipelineFixture.LeadKey
        );
        var tree = page.Locator("#tree");
        var hostility = tree.GetByRole(AriaRole.Button, new() { Name = "Hostility from non-PSS staff" });

        // By mouse: the code in use names its codings, and Remove is refused with the count and offers the merge.
        await hostility.ClickAsync();
        await Assertions
            .Expect(page.Locator("#code-uses"))
            .ToHaveTextAsync("It codes 2 codings on 1 transcript: removing it means merging it into another code.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await Assertions
            .Expect(page.Locator("#remove-refused"))
            .ToHaveTextAsync(
                "'Hostility from non-PSS staff' "
                    + "is not removed: it codes 2 codings on 1 transcript. Choose the code to merge it into below, then Merge: "
                    + "its codings move there and it is removed."
            );
        await Assertions.Expect(page.GetByLabel("Merge this code into")).ToBeFocusedAsync();
        await Assertions.Expect(hostility).ToHaveCountAsync(1);
        await Assertions
            .Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }))
            .ToBeDisabledAsync();
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "codebook-remove-refused");

        // By keyboard, from where Remove left the focus: the codings merged into another code, the code gone.
        await page.GetByLabel("Merge this code into")
            .SelectOptionAsync(new SelectOptionValue { Label = "Unsupportive working environments" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions
            .Expect(page.Locator("#done"))
            .ToContainTextAsync(
                "'Hostility from non-PSS staff' merged into 'Unsupportive working environments': 2 codings"
            );
        await Assertions.Expect(hostility).ToHaveCountAsync(0);

        // A code nothing uses is removed and saved as a new version, by keyboard.
        await tree.GetByRole(AriaRole.Button, new() { Name = "Defined role" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#code-uses")).ToHaveTextAsync("No coding uses it.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new version" }).ClickAsync();
        await Assertions.Expect(page.Locator("#done")).ToContainTextAsync("Codebook version");
        await Assertions.Expect(page.Locator("#error")).ToBeEmptyAsync();

        var final = (await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/codebook"))!["codes"]!
            .AsArray()
            .Select(c => (string)c!["id"]!)
            .ToList();
        Assert.DoesNotContain("defined-role", final);
        Assert.DoesNotContain("staff-hostility", final);
        var uses = (await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/codebook/uses"))!.AsArray();
        Assert.Equal([("unsupportive-environment", 2)], uses.Select(u => ((string)u!["code"]!, (int)u["codings"]!)));
        Assert.All(uses, u => Assert.Contains((string)u!["code"]!, final));
        // Nobody but the study lead reads what uses each code.
        using var denied = await coder.GetAsync($"/api/studies/{study}/codebook/uses");
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }
}
