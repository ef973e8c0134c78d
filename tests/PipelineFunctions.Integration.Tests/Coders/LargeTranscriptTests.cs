using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>
/// A 1,000-passage transcript in the review page: every passage is there and the keys answer. The times are written
/// to .local/review-1000-passages.txt for the record; they are measurements, not assertions.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class LargeTranscriptTests(PipelineFixture fixture)
{
    [Fact]
    public async Task A_thousand_passage_transcript_loads_whole_and_answers_the_keyboard()
    {
        var study = await fixture.CreateStudyAsync();
        var text = new StringBuilder();
        for (var i = 0; i < 1000; i++)
            text.Append(i % 2 == 0 ? $"Interviewer: Question {i} about the ward and the team?\n" : $"P1: My supervisor backs me up, but the rules slow things down on day {i}.\n");
        var (_, body) = await fixture.UploadAsync(study, "kampala", "long.txt", Encoding.UTF8.GetBytes(text.ToString()), PipelineFixture.KampalaKey);
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/app/admin/status.html").ToString());
        await page.EvaluateAsync("() => sessionStorage.setItem('pipeline-api-key', 'local-coder-key')");
        var load = Stopwatch.StartNew();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/app/coders/review.html?study={study}&transcript={id}").ToString());
        await Assertions.Expect(page.Locator("#passages > li")).ToHaveCountAsync(1000, new() { Timeout = 30_000 });
        load.Stop();
        var key = Stopwatch.StartNew();
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(page.Locator("#passage-2")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("current"));
        key.Stop();
        var accept = Stopwatch.StartNew();
        await page.Keyboard.PressAsync("a");
        await Assertions.Expect(page.Locator("#passage-2 .chip")).ToHaveCountAsync(1);
        accept.Stop();
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, ".local"));
        await File.WriteAllTextAsync(Path.Combine(RepoPaths.Root, ".local", "review-1000-passages.txt"),
            $"load to 1000 passages shown: {load.ElapsedMilliseconds} ms; next-passage key: {key.ElapsedMilliseconds} ms; accept (with save): {accept.ElapsedMilliseconds} ms\n");
    }
}
