using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Coders;

[Collection(PipelineCollection.Name)]
public sealed class CodingDetailsTests(PipelineFixture fixture)
{
    [Fact]
    public async Task A_coder_finds_the_transcript_codes_a_sub_span_and_proposes_a_code_the_lead_approves()
    {
        var study = await fixture.CreateStudyAsync();
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "span.txt",
            Encoding.UTF8.GetBytes(
                "Interviewer: Tell me.\nP1: My supervisor backs me up, but the rules slow everything down.\n"
            ),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/app/coders/index.html?study={study}").ToString());
        await page.GetByLabel("API key").FillAsync(PipelineFixture.CoderKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#transcripts")).ToContainTextAsync("not started");
        await page.GetByRole(AriaRole.Link, new() { Name = "span.txt", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#passages > li")).ToHaveCountAsync(2);

        await page.Keyboard.PressAsync("j");
        // Select "the rules slow everything down" in passage 2, then add a code to just those words.
        await page.EvaluateAsync(
            @"() => {
            const node = document.querySelector('#passage-2 .text').firstChild;
            const start = node.textContent.indexOf('the rules');
            const range = document.createRange();
            range.setStart(node, start); range.setEnd(node, start + 'the rules slow everything down'.length);
            const selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
        }"
        );
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("Unsupportive working environments");
        await page.Keyboard.PressAsync("Enter");
        await Assertions
            .Expect(page.Locator("#passage-2 .chip"))
            .ToContainTextAsync("on “the rules slow everything down”");

        await page.GetByLabel("Name").FillAsync("Faith and prayer");
        await page.GetByLabel("Definition").FillAsync("Religious practice as a source of strength in the work.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Propose to the study lead" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Proposed");

        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var mine = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{id}/review"))!["mine"]![
            "codings"
        ]![0]!;
        Assert.Equal(("unsupportive-environment", 2), ((string)mine["codeId"]!, (int)mine["segment"]!));
        Assert.Equal(
            "the rules slow everything down",
            "My supervisor backs me up, but the rules slow everything down."[(int)mine["start"]!..(int)mine["end"]!]
        );

        var proposal = (await coder.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/codebook/proposals"))!.Single()!;
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await coder.PostAsync($"/api/studies/{study}/codebook/proposals/{proposal["id"]}/approve", null)
            ).StatusCode
        );
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        using var approved = await lead.PostAsync(
            $"/api/studies/{study}/codebook/proposals/{proposal["id"]}/approve",
            null
        );
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var codebook = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/codebook"))!;
        Assert.Contains(codebook["codes"]!.AsArray(), c => (string?)c!["name"] == "Faith and prayer");

        // A coder of another study sees none of this one.
        using var elsewhere = fixture.Client("local-coder-elsewhere-key");
        foreach (
            var path in new[]
            {
                $"/api/studies/{study}/review",
                $"/api/studies/{study}/transcripts/{id}/review",
                $"/api/studies/{study}/transcripts/{id}/segments",
                $"/api/studies/{study}/codes/unsupportive-environment/passages",
                $"/api/studies/{study}/codebook",
            }
        )
            Assert.Equal(HttpStatusCode.Forbidden, (await elsewhere.GetAsync(path)).StatusCode);
    }
}
