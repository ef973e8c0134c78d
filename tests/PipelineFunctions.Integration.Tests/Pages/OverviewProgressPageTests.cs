using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Coders;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>The study lead's overview shows coders' progress per transcript and, where two submitted, the agreement page's figures.</summary>
[Collection(PipelineCollection.Name)]
public sealed class OverviewProgressPageTests(PipelineFixture fixture)
{
    [Fact]
    public async Task The_overview_shows_who_coded_how_far_and_the_agreement_the_agreement_page_computes()
    {
        var study = await fixture.CreateStudyAsync(doubleCodeFirst: 1);
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "progress-50061.txt",
            Encoding.UTF8.GetBytes(CodersWorkspaceTests.Transcript + "Interviewer: Last words?\n"),
            PipelineFixture.KampalaKey
        );
        var transcript = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, transcript, "SuggestionsReady");
        var path = $"/api/studies/{study}/transcripts/{transcript}/review";
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        using var coder2 = fixture.Client(PipelineFixture.Coder2Key);
        (
            await coder.PutAsJsonAsync(
                $"{path}/mine",
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
                            segment = 4,
                            codeId = "staff-hostility",
                            origin = "added",
                        },
                    },
                }
            )
        ).EnsureSuccessStatusCode();
        (await coder.PostAsync($"{path}/mine/submit", null)).EnsureSuccessStatusCode();
        (
            await coder2.PutAsJsonAsync(
                $"{path}/mine",
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
                    },
                }
            )
        ).EnsureSuccessStatusCode();

        await using var browser = await Browser.LaunchAsync();
        var lead = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/lead/overview.html?study={study}",
            PipelineFixture.LeadKey
        );
        var row = lead.Locator("#progress tbody tr", new() { HasText = "progress-50061.txt" });
        await Assertions.Expect(row).ToContainTextAsync("double, blind");
        await Assertions
            .Expect(row)
            .ToContainTextAsync("coder: submitted, 2 of 7 passages; coder-2: in progress, 1 of 7 passages");
        await Assertions.Expect(row).ToContainTextAsync("once both have submitted");

        (await coder2.PostAsync($"{path}/mine/submit", null)).EnsureSuccessStatusCode();
        using var leadApi = fixture.Client(PipelineFixture.LeadKey);
        var kappa = (double)(await leadApi.GetFromJsonAsync<JsonNode>($"{path}/agreement"))!["overall"]!["kappa"]!;
        await lead.ReloadAsync();
        var link = row.GetByRole(
            AriaRole.Link,
            new() { Name = $"κ {kappa.ToString("0.00", CultureInfo.InvariantCulture)}", Exact = false }
        );
        await Assertions.Expect(link).ToBeVisibleAsync();
        await Assertions.Expect(lead.Locator("#agreement-so-far")).ToContainTextAsync("over 1 double-coded transcript");
        await PageChecks.AssertAccessibleAsync(lead);
        await PageChecks.ScreenshotAsync(lead, "lead-overview-progress");
        // By keyboard to the agreement page the figures come from.
        await link.FocusAsync();
        await lead.Keyboard.PressAsync("Enter");
        await Assertions.Expect(lead).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("coders/agreement.html"));
        await Assertions.Expect(lead.Locator("body")).ToContainTextAsync("coder-2");
    }
}
