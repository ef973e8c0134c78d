using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>
/// The coding page by mouse, in passages that are not current: the first click on Accept or Reject acts, and words
/// selected by dragging are what the code lands on (not the whole passage).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class CodingByMousePageTests(PipelineFixture fixture)
{
    [Fact]
    public async Task One_click_accepts_or_rejects_and_a_dragged_selection_is_coded_in_a_passage_that_was_not_current()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, study, id) = await PassageWords.OpenCodingPageAsync(fixture, browser, "mouse");
        var current = PassageWords.Current;

        // Accept in passage 4, not current: one click codes it.
        var accept = page.Locator("#passage-4 li.suggestion button:not(.reject)").First;
        var accepted = (await accept.InnerTextAsync()).Split('.', 2)[1].Trim();
        accepted = accepted[..accepted.LastIndexOf(' ')];
        await accept.ClickAsync();
        await Expect(page.Locator("#passage-4 .chip")).ToHaveCountAsync(1);
        await Expect(page.Locator("#passage-4 .chip")).ToContainTextAsync(accepted);
        await Expect(page.Locator("#passage-4")).ToHaveClassAsync(current);

        // Reject in passage 6, not current: one click rejects it.
        var reject = page.Locator("#passage-6 li.suggestion button.reject").First;
        var rejected = (await reject.GetAttributeAsync("aria-label"))!["Reject ".Length..^" for passage 6".Length];
        await reject.ClickAsync();
        await Expect(page.Locator("#rejected")).ToContainTextAsync($"{rejected} on passage 6");
        await Expect(page.Locator("#passage-6 li.suggestion", new() { HasText = rejected })).ToHaveCountAsync(0);

        // Drag over words of passage 2, not current, then code them: the code lands on those words only. The wheel
        // brings it back from under the sticky tools.
        await page.Mouse.MoveAsync(600, 500);
        await page.Mouse.WheelAsync(0, -3000);
        await Expect(page.Locator("#passage-2 .text")).ToBeInViewportAsync();
        const string words = "backs me up";
        var box = await PassageWords.BoxAsync(page, 2, words);
        Assert.True(
            await page.EvaluateAsync<bool>(
                "([x, y]) => !!document.elementFromPoint(x, y)?.closest('#passage-2 .text')",
                new[] { box[0] + 1, box[2] }
            ),
            "the words are under the pointer, not under the tools"
        );
        await PassageWords.DragAsync(page, box);
        Assert.Equal(words, await page.EvaluateAsync<string>("() => window.getSelection().toString()"));
        await Expect(page.Locator("#passage-2")).ToHaveClassAsync(current);
        await page.Locator("#add-code").ClickAsync();
        await page.Keyboard.TypeAsync("Supportive figures");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#passage-2 .chip")).ToContainTextAsync($"Supportive figures on “{words}”");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "coding-by-mouse");

        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var view = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{id}/review"))!;
        var text = (string)view["segments"]!.AsArray().Single(s => (int)s!["segment"]! == 2)!["text"]!;
        var mine = view["mine"]!;
        var coded = mine["codings"]!.AsArray().Single(c => (int)c!["segment"]! == 2)!;
        Assert.Equal(
            ("supportive-figures", words),
            ((string)coded["codeId"]!, text[(int)coded["start"]!..(int)coded["end"]!])
        );
        Assert.Single(mine["codings"]!.AsArray(), c => (int)c!["segment"]! == 4);
        Assert.Single(mine["rejected"]!.AsArray(), r => (int)r!["segment"]! == 6);
    }
}
