using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>
/// The consensus page in Chromium, by mouse: two coders coded overlapping sub-spans of one passage with the same code;
/// the first resolves it as their union and confirms, which alone does not make the final coding; the second confirms
/// the same and the final coding keeps the union as a sub-span (and the agreed sub-span as coded).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ConsensusPageTests(PipelineFixture fixture)
{
    [Fact]
    public async Task A_sub_span_disagreement_resolved_as_their_union_is_final_only_when_both_coders_confirm_it()
    {
        var study = await fixture.CreateStudyAsync("consensus", doubleCodeFirst: 1);
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "spans.txt",
            Encoding.UTF8.GetBytes(CodersWorkspaceTests.Transcript),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        using var first = fixture.Client(PipelineFixture.CoderKey);
        using var second = fixture.Client(PipelineFixture.Coder2Key);
        var review = $"/api/studies/{study}/transcripts/{id}/review";
        var texts = (await first.GetFromJsonAsync<JsonNode>(review))!["segments"]!
            .AsArray()
            .ToDictionary(s => (int)s!["segment"]!, s => (string)s!["text"]!);
        object Span(int segment, string code, string words)
        {
            var start = texts[segment].IndexOf(words, StringComparison.Ordinal);
            Assert.True(start >= 0, $"passage {segment} holds '{words}'");
            return new
            {
                segment,
                codeId = code,
                origin = "added",
                start,
                end = start + words.Length,
            };
        }
        // Both: "the paperwork" as environment (a sub-span they agree on); hostility on overlapping words of passage 4.
        await CodeAsync(
            first,
            review,
            Span(4, "staff-hostility", "show stigma and exclude"),
            Span(6, "unsupportive-environment", "the paperwork")
        );
        await CodeAsync(
            second,
            review,
            Span(4, "staff-hostility", "stigma and exclude us from the meetings"),
            Span(6, "unsupportive-environment", "the paperwork")
        );

        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/agreement.html?study={study}&transcript={id}",
            PipelineFixture.CoderKey
        );
        var hostility = page.GetByRole(AriaRole.Group, new() { Name = "Hostility from non-PSS staff on passage 4" });
        await Expect(hostility.GetByRole(AriaRole.Radio)).ToHaveCountAsync(3);
        await Expect(page.Locator("#disagreements fieldset")).ToHaveCountAsync(1);
        var union = hostility.GetByRole(
            AriaRole.Radio,
            new() { Name = "Keep both (union): show stigma and exclude us from the meetings" }
        );
        await Expect(union).Not.ToBeCheckedAsync();
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "consensus-spans");

        // Nothing chosen yet: the page says so and sends nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm consensus" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("1 still open");
        await hostility.GetByText("Keep both (union)").ClickAsync();
        await Expect(union).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm consensus" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("when coder-2 confirms the same");

        // One coder alone has not finished it, however often they send it.
        var choices = new[]
        {
            new
            {
                segment = 4,
                codeId = "staff-hostility",
                keep = "union",
            },
        };
        using (var again = await first.PutAsJsonAsync($"{review}/final", new { choices }))
            Assert.False((bool)(await again.Content.ReadFromJsonAsync<JsonNode>())!["final"]!);
        Assert.Null((await first.GetFromJsonAsync<JsonNode>($"{review}/agreement"))!["final"]);

        // The second coder finds the first's choice ticked and confirms it by keyboard: now it is the final coding.
        var theirs = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/agreement.html?study={study}&transcript={id}",
            PipelineFixture.Coder2Key
        );
        await Expect(theirs.Locator("#state")).ToContainTextAsync("coder confirmed the choices ticked below");
        var theirUnion = theirs.GetByRole(AriaRole.Radio, new() { Name = "Keep both (union)" });
        await Expect(theirUnion).ToBeCheckedAsync();
        await theirUnion.FocusAsync();
        await theirs.Keyboard.PressAsync("Tab");
        Assert.Equal("consensus", await theirs.EvaluateAsync<string>("() => document.activeElement.id"));
        await theirs.Keyboard.PressAsync("Enter");
        await Expect(theirs.GetByRole(AriaRole.Status)).ToHaveTextAsync("Consensus saved as the final coding.");

        var final = (await first.GetFromJsonAsync<JsonNode>($"{review}/agreement"))!["final"]!
            .AsArray()
            .Select(c => ((int)c!["segment"]!, (string)c["codeId"]!, Words(texts, c)))
            .ToList();
        Assert.Equal(
            [
                (4, "staff-hostility", "show stigma and exclude us from the meetings"),
                (6, "unsupportive-environment", "the paperwork"),
            ],
            final
        );
    }

    static async Task CodeAsync(HttpClient coder, string review, params object[] codings)
    {
        using (var saved = await coder.PutAsJsonAsync($"{review}/mine", new { codings }))
            saved.EnsureSuccessStatusCode();
        using var submitted = await coder.PostAsync($"{review}/mine/submit", null);
        submitted.EnsureSuccessStatusCode();
    }

    static string Words(Dictionary<int, string> texts, JsonNode coding) =>
        coding["start"] is { } start
            ? texts[(int)coding["segment"]!][(int)start..(int)coding["end"]!]
            : "the whole passage";
}
