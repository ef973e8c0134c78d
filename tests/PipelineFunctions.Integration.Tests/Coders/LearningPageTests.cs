using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>
/// The suggestion engine learns from saved decisions: the same passage, in a transcript uploaded before and one uploaded
/// after a coder rejected, accepted and added codes in the workspace, gets different suggestions.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class LearningPageTests(PipelineFixture fixture, ITestOutputHelper output)
{
    const string Passage = "#9 (PSW): The nurses on the ward ignore what I say and leave me out of the handover.";

    [Fact]
    public async Task A_coders_decisions_change_the_next_transcripts_suggestions()
    {
        var study = await fixture.CreateStudyAsync();
        var first = await fixture.UploadReadyAsync(study, "before.txt", $"Interviewer: How is the ward?\n{Passage}\n");
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/review.html?study={study}&transcript={first}",
            PipelineFixture.CoderKey
        );
        var before = await SuggestionsAsync(page);
        output.WriteLine($"before the decisions: {string.Join(" | ", before)}");
        Assert.NotEmpty(before);

        // Reject the top suggestion, accept the next, and add a code of our own; each saves at once.
        await page.Locator("#passage-2 .text").ClickAsync();
        await page.Keyboard.PressAsync("x");
        await Assertions.Expect(page.Locator("#rejected li")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("1");
        await Assertions.Expect(page.Locator("#passage-2 .chip")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("Unclear role");
        await page.Keyboard.PressAsync("Enter");
        await Assertions
            .Expect(page.Locator("#passage-2 .chip", new() { HasText = "Unclear role" }))
            .ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#saved")).ToContainTextAsync("Saved");

        var second = await fixture.UploadReadyAsync(study, "after.txt", $"Interviewer: And the team?\n{Passage}\n");
        await page.GotoAsync(
            new Uri(fixture.App.BaseAddress, $"/app/coders/review.html?study={study}&transcript={second}").ToString()
        );
        var after = await SuggestionsAsync(page);
        output.WriteLine($"after the decisions:  {string.Join(" | ", after)}");
        Assert.NotEqual(before, after);
        // The rejected suggestion no longer leads (the accepted one does, or its parent when it and the added code, both
        // barriers, are too close to call).
        var rejected = Regex.Match(before[0], @"^1\. (.*) \d+%$").Groups[1].Value;
        Assert.DoesNotContain(rejected, after[0], StringComparison.Ordinal);
    }

    /// <summary>The passage's ranked suggestions as the page shows them: rank, code and confidence.</summary>
    static async Task<List<string>> SuggestionsAsync(IPage page)
    {
        await Assertions.Expect(page.Locator("#passages > li")).ToHaveCountAsync(2);
        // Text content, not inner text: a passage the browser has not painted yet (content-visibility) has no inner text.
        return [.. await page.Locator("#passage-2 .suggestion > button:first-child").AllTextContentsAsync()];
    }
}
