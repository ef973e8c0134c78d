using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PipelineFunctions.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>
/// A memo over the limit, pasted into the side panel's memo box and saved by mouse, or typed into the passage's memo
/// field and sent with Enter: the page says the limit in the coder's words, keeps the text where it was written, saves
/// nothing and does not stretch; a memo within the limit then saves.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class MemoLimitPageTests(PipelineFixture fixture)
{
    const string Refused =
        "A memo can be up to 10,000 characters; this one has 208,000. Shorten it, or split it into several memos.";

    [Fact]
    public async Task A_memo_over_the_limit_is_refused_on_the_page_kept_in_its_box_and_nothing_is_saved()
    {
        await using var browser = await Browser.LaunchAsync();
        var (page, study, id) = await PassageWords.OpenCodingPageAsync(fixture, browser, "memo-limit");
        var huge = new string('x', 208_000);

        // By mouse: the side panel's memo box, then Save memo.
        var box = page.GetByLabel("Memo", new() { Exact = true });
        await box.FillAsync(huge);
        await Expect(page.Locator("#memo-count")).ToHaveTextAsync("208,000 of 10,000 characters");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save memo" }).ClickAsync();
        await Expect(page.Locator("#error")).ToHaveTextAsync(Refused);
        Assert.Equal(208_000, (await box.InputValueAsync()).Length);
        await Expect(page.Locator("#memos")).ToHaveTextAsync("No memos yet.");

        // By keyboard: the passage's memo field, then Enter.
        var field = page.GetByLabel("Memo on the current passage");
        await field.FillAsync(huge);
        await field.PressAsync("Enter");
        await Expect(page.Locator("#error")).ToHaveTextAsync(Refused);
        Assert.Equal(208_000, (await field.InputValueAsync()).Length);
        await Expect(page.Locator("#memos")).ToHaveTextAsync("No memos yet.");
        await field.FillAsync("");

        // Shortened to the limit, it saves, and the panel keeps a reasonable height.
        await box.FillAsync(new string('y', 10_000));
        await Expect(page.Locator("#memo-count")).ToHaveTextAsync("10,000 of 10,000 characters");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save memo" }).ClickAsync();
        await Expect(page.Locator("#memos li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#saved")).ToContainTextAsync("Saved");
        var height = await page.Locator("#memos li").EvaluateAsync<double>("e => e.getBoundingClientRect().height");
        Assert.InRange(height, 1, 400);
        await PageChecks.AssertAccessibleAsync(page);

        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var view = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{id}/review"))!;
        var memo = Assert.Single(view["mine"]!["memos"]!.AsArray())!;
        Assert.Equal(10_000, ((string)memo["text"]!).Length);
    }
}
