using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Coders;

[Collection(PipelineCollection.Name)]
public sealed class CodersWorkspaceTests(PipelineFixture fixture)
{
    internal const string Transcript =
        "Interviewer: Who helps you at work?\n"
        + "#9 (PSW): My supervisor backs me up and chases what I need from the managers.\n"
        + "Interviewer: And the staff?\n"
        + "#9 (PSW): Some staff show stigma and exclude us from the meetings.\n"
        + "Interviewer: What slows you down?\n"
        + "#9 (PSW): The procedures and the paperwork, I need three signatures for a walk.\n";

    [Fact]
    public async Task Two_coders_code_blind_by_keyboard_and_api_and_the_agreement_report_matches_the_hand_computed_figures()
    {
        var study = await fixture.CreateStudyAsync(doubleCodeFirst: 1);
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "blind.txt",
            Encoding.UTF8.GetBytes(Transcript),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(
            new Uri(fixture.App.BaseAddress, $"/app/coders/review.html?study={study}&transcript={id}").ToString()
        );
        await page.GetByLabel("API key").FillAsync(PipelineFixture.CoderKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("double-coded");
        await Assertions.Expect(page.Locator("#passages > li")).ToHaveCountAsync(6);

        // Passage 2: reject the top suggestion, then add "Supportive figures" from the codebook.
        await page.Keyboard.PressAsync("j");
        await Assertions
            .Expect(page.Locator("#passage-2"))
            .ToHaveClassAsync(new System.Text.RegularExpressions.Regex("current"));
        await page.Keyboard.PressAsync("x");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved");
        await AddCodeAsync(page, 2, "Supportive figures");
        // Passage 4: hostility; passage 6: the environment, with a memo; back up once and down again.
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await AddCodeAsync(page, 4, "Hostility from non-PSS staff");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("k");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await AddCodeAsync(page, 6, "Unsupportive working environments");
        await page.Keyboard.PressAsync("m");
        await page.Keyboard.TypeAsync("Rules, not people.");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#passage-6")).ToContainTextAsync("Memo: Rules, not people.");
        await Assertions.Expect(page.Locator("#passage-2 .chip")).ToContainTextAsync("Supportive figures");

        // Blind: the second coder sees none of it, and there is no agreement yet.
        using var second = fixture.Client(PipelineFixture.Coder2Key);
        var theirView = (await second.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{id}/review"))!;
        Assert.Empty(theirView["mine"]!["codings"]!.AsArray());
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await second.GetAsync($"/api/studies/{study}/transcripts/{id}/review/agreement")).StatusCode
        );

        await page.Keyboard.PressAsync("Shift+S");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Submitted");
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await second.GetAsync($"/api/studies/{study}/transcripts/{id}/review/agreement")).StatusCode
        );

        var codings = new[]
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
                codeId = "unclear-role",
                origin = "added",
            },
            new
            {
                segment = 6,
                codeId = "unsupportive-environment",
                origin = "added",
            },
        };
        using (
            var save = await second.PutAsJsonAsync(
                $"/api/studies/{study}/transcripts/{id}/review/mine",
                new { codings }
            )
        )
            Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        using (
            var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/studies/{study}/transcripts/{id}/review/mine")
            {
                Content = JsonContent.Create(new { codings }),
            }
        )
        {
            stale.Headers.TryAddWithoutValidation("If-Match", "\"stale\"");
            Assert.Equal(HttpStatusCode.PreconditionFailed, (await second.SendAsync(stale)).StatusCode);
        }
        Assert.Equal(
            HttpStatusCode.OK,
            (await second.PostAsync($"/api/studies/{study}/transcripts/{id}/review/mine/submit", null)).StatusCode
        );

        // Hand-computed: per code, the three participant passages are units (the interviewer's three questions are left
        // out). Both coders agree on supportive-figures and unsupportive-environment (κ = α = 1); hostility and
        // unclear-role each have one lone yes (2/3, κ = 0, α = 0). Pooled over 4 codes × 3 passages: p_o = 10/12,
        // p_e = (1/4)² + (3/4)² = 10/16, κ = 0.556; α = 1 − 23·4/(2·18·6) = 0.574.
        await page.GotoAsync(
            new Uri(fixture.App.BaseAddress, $"/app/coders/agreement.html?study={study}&transcript={id}").ToString()
        );
        await Assertions
            .Expect(page.Locator("#units"))
            .ToHaveTextAsync(
                "Agreement counts the 3 participant passage(s); 3 interviewer passage(s) are left out, as neither coder codes questions."
            );
        var figures = page.Locator("#figures tbody");
        await Assertions
            .Expect(figures.Locator("tr", new() { HasText = "All codes" }))
            .ToContainTextAsync("83.3%0.5560.574");
        await Assertions
            .Expect(figures.Locator("tr", new() { HasText = "Hostility from non-PSS staff" }))
            .ToContainTextAsync("66.7%0.0000.000");
        await Assertions
            .Expect(figures.Locator("tr", new() { HasText = "Supportive figures" }))
            .ToContainTextAsync("100%1.0001.000");
        await Assertions.Expect(page.Locator("#disagreements fieldset")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(RepoPaths.Root, ".local", "agreement.png"), FullPage = true }
        );

        // Consensus: keep the hostility code, drop the other. The first coder confirms, the second confirms the same
        // (ConsensusRule); the final coding feeds the code view and the engine.
        await page.GetByRole(AriaRole.Group, new() { Name = "Hostility from non-PSS staff on passage 4" })
            .GetByRole(AriaRole.Radio, new() { Name = "Keep coder's: the whole passage" })
            .CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Unclear role on passage 4" })
            .GetByRole(AriaRole.Radio, new() { Name = "Keep coder's: not coded" })
            .CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm consensus" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("when coder-2 confirms the same");
        var choices = new[]
        {
            new
            {
                segment = 4,
                codeId = "staff-hostility",
                keep = "first",
            },
            new
            {
                segment = 4,
                codeId = "unclear-role",
                keep = "first",
            },
        };
        using (
            var confirmed = await second.PutAsJsonAsync(
                $"/api/studies/{study}/transcripts/{id}/review/final",
                new { choices }
            )
        )
            Assert.True((bool)(await confirmed.Content.ReadFromJsonAsync<JsonNode>())!["final"]!);

        var context = page.Context;
        await context.GrantPermissionsAsync(
            ["clipboard-read", "clipboard-write"],
            new() { Origin = fixture.App.BaseAddress.ToString().TrimEnd('/') }
        );
        await page.GotoAsync(
            new Uri(fixture.App.BaseAddress, $"/app/coders/codes.html?study={study}&code=staff-hostility").ToString()
        );
        await Assertions.Expect(page.Locator("#passages li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#passages li")).ToContainTextAsync("[#9, Kampala, PSW]");
        await page.GetByLabel("Role").FillAsync("OT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#passages li")).ToContainTextAsync("No passage has this code yet.");
        await page.GetByLabel("Role").FillAsync("PSW");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy quote [#9, Kampala, PSW] passage 4" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Copied");
        Assert.Equal(
            "\"Some staff show stigma and exclude us from the meetings.\" [#9, Kampala, PSW]",
            await page.EvaluateAsync<string>("() => navigator.clipboard.readText()")
        );
        Assert.DoesNotContain("Unclear role", await page.Locator("#passages").InnerTextAsync());

        // The consensus is now a coded example: a like passage in the next transcript is suggested with it as evidence.
        var (_, next) = await fixture.UploadAsync(
            study,
            "kampala",
            "next.txt",
            Encoding.UTF8.GetBytes("#4 (PSW): The staff show stigma and exclude us from their meetings.\n"),
            PipelineFixture.KampalaKey
        );
        var nextId = (string)next!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, nextId, "SuggestionsReady");
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var suggestion = (
            await coder.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/transcripts/{nextId}/segments")
        )![0]!["suggestions"]![0]!;
        Assert.Equal("staff-hostility", (string?)suggestion["code"]);
        Assert.Contains(
            suggestion["evidence"]!.AsArray(),
            e => ((string)e!).StartsWith("nearest passage coded Hostility", StringComparison.Ordinal)
        );
    }

    static async Task AddCodeAsync(IPage page, int passage, string name)
    {
        await Assertions
            .Expect(page.Locator($"#passage-{passage}"))
            .ToHaveClassAsync(new System.Text.RegularExpressions.Regex("current"));
        await page.Keyboard.PressAsync("/");
        // Headless Chromium's window never has focus, so :focus does not match; the active element tells.
        Assert.Equal("add-code", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync(name);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator($"#passage-{passage} .chip")).ToContainTextAsync(name);
        Assert.NotEqual("add-code", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }
}
