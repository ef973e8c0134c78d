using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>
/// A memo on some words of a passage, by mouse (words dragged over in a passage that is not current, then the memo
/// field clicked) and by keyboard (words selected, then <c>m</c>): the passage and the memo list show the words, and
/// the coder's stored memo is on exactly them.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class MemoOnWordsPageTests(PipelineFixture fixture)
{
    [Fact]
    public async Task A_memo_lands_on_the_selected_words_by_mouse_and_by_keyboard()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, study, id) = await PassageWords.OpenCodingPageAsync(fixture, browser, "memo-words");
        var current = PassageWords.Current;

        // By mouse: drag over words of passage 2, not current, then click the memo field and write.
        const string dragged = "backs me up";
        await page.Locator("#passage-2 .text").ScrollIntoViewIfNeededAsync();
        var box = await PassageWords.BoxAsync(page, 2, dragged);
        await PassageWords.DragAsync(page, box);
        Assert.Equal(dragged, await page.EvaluateAsync<string>("() => window.getSelection().toString()"));
        await page.GetByLabel("Memo on the current passage").ClickAsync();
        await page.Keyboard.TypeAsync("Support is practical here.");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#passage-2 .memo"))
            .ToHaveTextAsync($"Memo on “{dragged}”: Support is practical here.");
        await Expect(page.Locator("#memos"))
            .ToContainTextAsync($"Passage 2 on “{dragged}”: Support is practical here.");

        // By keyboard: two passages down, words selected there, then m.
        await Expect(page.Locator("#passage-2")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await Expect(page.Locator("#passage-4")).ToHaveClassAsync(current);
        const string selected = "exclude us";
        await PassageWords.SelectAsync(page, 4, selected);
        await page.Keyboard.PressAsync("m");
        await Expect(page.GetByLabel("Memo on the current passage")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Exclusion, not only stigma.");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#passage-4 .memo"))
            .ToHaveTextAsync($"Memo on “{selected}”: Exclusion, not only stigma.");
        // Without a selection, m writes a memo on the whole passage.
        await page.EvaluateAsync("() => getSelection().removeAllRanges()");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("m");
        await page.Keyboard.TypeAsync("Only the interviewer.");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#passage-5 .memo")).ToHaveTextAsync("Memo: Only the interviewer.");
        await Expect(page.Locator("#saved")).ToContainTextAsync("Saved");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "memo-on-words");

        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var view = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{id}/review"))!;
        var texts = view["segments"]!.AsArray().ToDictionary(s => (int)s!["segment"]!, s => (string)s!["text"]!);
        Assert.Equal(
            [(2, (string?)dragged), (4, selected), (5, null)],
            view["mine"]!["memos"]!
                .AsArray()
                .Select(m =>
                    (
                        (int)m!["segment"]!,
                        m["start"] is { } start ? texts[(int)m["segment"]!][(int)start..(int)m["end"]!] : null
                    )
                )
                .Order()
        );
    }

    [Fact]
    public async Task A_memo_on_words_is_marked_on_its_words_in_the_passage_apart_from_codings_and_unmarked_when_deleted()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, study, id) = await PassageWords.OpenCodingPageAsync(fixture, browser, "memo-mark");
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var view = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{id}/review"))!;
        var text = (string)view["segments"]!.AsArray().Single(s => (int)s!["segment"]! == 4)!["text"]!;
        var code = (string)view["codes"]![0]!["id"]!;
        int At(string words) => text.IndexOf(words, StringComparison.Ordinal);
        // A coding on "stigma and exclude us" and a memo on "exclude us from the meetings": they overlap.
        using (
            var saved = await coder.PutAsJsonAsync(
                $"/api/studies/{study}/transcripts/{id}/review/mine",
                new
                {
                    codings = new[]
                    {
                        new
                        {
                            segment = 4,
                            codeId = code,
                            origin = "added",
                            start = At("stigma and exclude us"),
                            end = At("stigma and exclude us") + "stigma and exclude us".Length,
                        },
                    },
                    memos = new[]
                    {
                        new
                        {
                            segment = 4,
                            text = "Exclusion, not only stigma.",
                            start = At("exclude us from the meetings"),
                            end = At("exclude us from the meetings") + "exclude us from the meetings".Length,
                        },
                    },
                }
            )
        )
            saved.EnsureSuccessStatusCode();

        await page.ReloadAsync();
        var marked = page.Locator("#passage-4 mark.memo-words");
        await Expect(marked).ToHaveCountAsync(2);
        Assert.Equal("exclude us from the meetings", string.Concat(await marked.AllTextContentsAsync()));
        await Expect(marked.First).ToHaveAttributeAsync("title", "Memo: Exclusion, not only stigma.");
        // The memo's words are marked apart: the coded words keep their own mark, inside the memo's where they meet.
        await Expect(marked.First.Locator("mark.coded")).ToHaveTextAsync("exclude us");
        await Expect(page.Locator("#passage-4 mark.coded")).ToHaveTextAsync(["stigma and ", "exclude us"]);
        await Expect(page.Locator("#passage-2 mark.memo-words")).ToHaveCountAsync(0);
        await PageChecks.AssertAccessibleAsync(page);

        // Deleted from the side panel while another passage is current: its words are no longer marked.
        await Expect(page.Locator("#passage-1")).ToHaveClassAsync(PassageWords.Current);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete memo 1" }).ClickAsync();
        await Expect(page.Locator("#passage-4 mark.memo-words")).ToHaveCountAsync(0);
        await Expect(page.Locator("#passage-4 mark.coded")).ToHaveTextAsync("stigma and exclude us");
    }
}
