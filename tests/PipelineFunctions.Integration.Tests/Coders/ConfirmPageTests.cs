using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>
/// The coding page's Confirm in Chromium: a correction after coding changed the words of two sub-span codings; their
/// coder sees each flagged with Confirm, confirms one by mouse and one by keyboard, and neither is flagged any more.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ConfirmPageTests(PipelineFixture fixture)
{
    [Fact]
    public async Task A_coding_whose_words_changed_in_a_correction_is_confirmed_by_mouse_and_by_keyboard()
    {
        var study = await fixture.CreateStudyAsync("confirm");
        const string text =
            "Interviewer: What happens on the ward?\n"
            + "50023: On Mondays kibonge takes the ward and nobody wrote down my tasks. Later kibonge leaves early.\n";
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "c.txt",
            Encoding.UTF8.GetBytes(text),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var review = $"/api/studies/{study}/transcripts/{id}/review";
        var view = (await coder.GetFromJsonAsync<JsonNode>(review))!;
        var passage = view["segments"]!.AsArray().Single(s => ((string)s!["text"]!).Contains("Mondays"))!;
        var (segment, before) = ((int)passage["segment"]!, (string)passage["text"]!);
        var codes = view["codes"]!.AsArray().Take(2).Select(c => ((string)c!["id"]!, (string)c["name"]!)).ToList();
        object Span(string code, string words)
        {
            var start = before.IndexOf(words, StringComparison.Ordinal);
            return new
            {
                segment,
                codeId = code,
                origin = "added",
                start,
                end = start + words.Length,
            };
        }
        using (
            var saved = await coder.PutAsJsonAsync(
                $"{review}/mine",
                new
                {
                    codings = new[] { Span(codes[0].Item1, "kibonge takes"), Span(codes[1].Item1, "kibonge leaves") },
                }
            )
        )
            saved.EnsureSuccessStatusCode();

        // The site marks the missed name: a new pseudonymised version changes both spans' words.
        using var site = fixture.Client(PipelineFixture.KampalaKey);
        using (
            var correction = await site.PostAsJsonAsync(
                $"/api/studies/{study}/pseudonymisation/corrections",
                new
                {
                    kind = "missed",
                    text = "kibonge",
                    category = "person",
                }
            )
        )
            correction.EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (
            (await fixture.Transcripts.GetAsync(study, id, default))!.PseudonymVersion < 2 && DateTime.UtcNow < deadline
        )
            await Task.Delay(300);
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        Assert.Equal(2, await FlaggedAsync(coder, review));

        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/review.html?study={study}&transcript={id}",
            PipelineFixture.CoderKey
        );
        var item = page.Locator($"#passage-{segment}");
        await Expect(item.Locator(".chip.confirm")).ToHaveCountAsync(2);
        await Expect(item).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bcurrent\b"));
        await Expect(item.Locator(".chip.confirm").First).ToContainTextAsync("its words changed in a correction");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "coding-confirm");

        // By mouse, in a passage that was not current: one click confirms.
        var first = page.GetByRole(AriaRole.Button, new() { Name = $"Confirm {codes[0].Item2} on passage {segment}" });
        await first.ClickAsync();
        await Expect(first).ToHaveCountAsync(0);
        await Expect(item.Locator(".chip.confirm")).ToHaveCountAsync(1);
        await Expect(page.Locator("#saved")).ToContainTextAsync("Saved");
        Assert.Equal(1, await FlaggedAsync(coder, review));

        // By keyboard: up and down again to the passage, Tab to the other Confirm and press Enter.
        await page.Keyboard.PressAsync("k");
        await page.Keyboard.PressAsync("j");
        Assert.Equal($"passage-{segment}", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        var second = $"Confirm {codes[1].Item2} on passage {segment}";
        for (
            var i = 0;
            i < 12
                && await page.EvaluateAsync<string?>("() => document.activeElement.getAttribute('aria-label')")
                    != second;
            i++
        )
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal(
            second,
            await page.EvaluateAsync<string?>("() => document.activeElement.getAttribute('aria-label')")
        );
        await page.Keyboard.PressAsync("Enter");
        await Expect(item.Locator(".chip.confirm")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Confirm ") })).ToHaveCountAsync(0);
        deadline = DateTime.UtcNow.AddSeconds(20);
        while (await FlaggedAsync(coder, review) > 0 && DateTime.UtcNow < deadline)
            await Task.Delay(200);
        Assert.Equal(0, await FlaggedAsync(coder, review));

        // Still confirmed when the page opens again, and the spans still cover the new words.
        await page.ReloadAsync();
        await Expect(item.Locator(".chip")).ToHaveCountAsync(2);
        await Expect(item.Locator(".chip.confirm")).ToHaveCountAsync(0);
        await Expect(item.Locator(".chip").First).ToContainTextAsync("[PERSON-");
    }

    static async Task<int> FlaggedAsync(HttpClient coder, string review) =>
        (await coder.GetFromJsonAsync<JsonNode>(review))!["mine"]!["codings"]!
            .AsArray()
            .Count(c => (bool?)c!["confirm"] == true);
}
