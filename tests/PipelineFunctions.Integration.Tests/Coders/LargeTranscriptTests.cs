using System.Net.Http.Json;
using System.Text;
using Microsoft.Azure.Cosmos;
using Microsoft.Playwright;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>
/// A 1,000-passage transcript with 3,000 codings in the review page, and search over 100 transcripts, timed in the
/// browser (performance.now()). The figures are printed and written to .local/; they are measurements, not assertions
/// (only a generous bound, to catch a page that hangs).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class LargeTranscriptTests(PipelineFixture fixture, ITestOutputHelper output)
{
    static readonly string[] Codes =
    [
        "supportive-figures",
        "unclear-role",
        "staff-hostility",
        "unsupportive-environment",
        "defined-role",
    ];

    [Fact]
    public async Task A_thousand_passage_transcript_with_3000_codings_loads_whole_and_answers_the_keyboard()
    {
        var study = await fixture.CreateStudyAsync();
        var text = new StringBuilder();
        for (var i = 0; i < 1000; i++)
            text.Append(
                i % 2 == 0
                    ? $"Interviewer: Question {i} about the ward and the team?\n"
                    : $"P1: My supervisor backs me up, but the rules slow things down on day {i}.\n"
            );
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "long.txt",
            Encoding.UTF8.GetBytes(text.ToString()),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        // Three codings a passage: the whole passage, and two overlapping sub-spans (stripes and highlights for each).
        var codings = Enumerable
            .Range(1, 1000)
            .SelectMany(s =>
                new object[]
                {
                    new
                    {
                        segment = s,
                        codeId = Codes[s % 5],
                        origin = "added",
                    },
                    new
                    {
                        segment = s,
                        codeId = Codes[(s + 1) % 5],
                        origin = "added",
                        start = 0,
                        end = 10,
                    },
                    new
                    {
                        segment = s,
                        codeId = Codes[(s + 2) % 5],
                        origin = "added",
                        start = 5,
                        end = 20,
                    },
                }
            )
            .ToList();
        using (var coder = fixture.Client(PipelineFixture.CoderKey))
            (
                await coder.PutAsJsonAsync($"/api/studies/{study}/transcripts/{id}/review/mine", new { codings })
            ).EnsureSuccessStatusCode();

        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/review.html?study={study}&transcript={id}",
            PipelineFixture.CoderKey
        );
        await Assertions.Expect(page.Locator("#passages > li")).ToHaveCountAsync(1000, new() { Timeout = 30_000 });
        await page.WaitForFunctionAsync("() => performance.getEntriesByName('review-shown').length > 0");
        Assert.Equal(
            3000,
            await page.EvaluateAsync<int>("() => document.querySelectorAll('#passages .stripe').length")
        );
        var shown = await page.EvaluateAsync<double>("() => performance.getEntriesByName('review-shown')[0].startTime");
        var rendered = await page.EvaluateAsync<double>(
            "() => performance.getEntriesByName('review-shown')[0].startTime - performance.getEntriesByName('review-data')[0].startTime"
        );
        // The j key, twenty times: handler, re-render of two passages, focus and layout, all in one task.
        var keys = await page.EvaluateAsync<double[]>(
            @"() => {
            const times = [];
            for (let i = 0; i < 20; i++) {
              const t = performance.now();
              document.querySelector('li.current').dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true }));
              document.body.getBoundingClientRect();
              times.push(performance.now() - t);
            }
            return times;
          }"
        );
        await Assertions
            .Expect(page.Locator("#passage-21"))
            .ToHaveClassAsync(new System.Text.RegularExpressions.Regex("current"));
        var sorted = keys.Order().ToArray();
        var report =
            $"1,000 passages, 3,000 codings: shown {shown:F0} ms after navigation ({rendered:F0} ms from data to passages and stripes); "
            + $"next-passage key median {sorted[10]:F1} ms, slowest {sorted[^1]:F1} ms";
        output.WriteLine(report);
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, ".local"));
        await File.WriteAllTextAsync(Path.Combine(RepoPaths.Root, ".local", "review-1000-passages.txt"), report + "\n");
        Assert.True(sorted[^1] < 2000, report);
    }

    [Fact]
    public async Task Search_over_a_hundred_transcripts_cold_and_warm()
    {
        var study = await fixture.CreateStudyAsync();
        // Written straight to Cosmos as the pipeline leaves them (segments and search index, ready for coding), so the
        // test times search, not uploads.
        var index = new SearchIndexStore(fixture.Cosmos);
        var now = DateTimeOffset.UtcNow;
        for (var t = 0; t < 100; t++)
        {
            var transcript = new TranscriptDocument
            {
                Id = $"t-search-{t:D3}-{Guid.NewGuid():n}"[..24],
                StudyId = study,
                SiteId = t % 2 == 0 ? "kampala" : "dar-es-salaam",
                Language = "en",
                FileName = $"interview-{t:D3}.txt",
                Status = TranscriptStatus.SuggestionsReady,
                PseudonymVersion = 1,
                TurnCount = 60,
                ReceivedAt = now.AddSeconds(t),
                UpdatedAt = now,
            };
            await fixture.Cosmos.Transcripts.CreateItemAsync(transcript, new PartitionKey(study));
            var segments = Enumerable
                .Range(1, 60)
                .Select(s => new SegmentDocument
                {
                    Id = $"{transcript.Id}:{s}",
                    TranscriptId = transcript.Id,
                    StudyId = study,
                    Segment = s,
                    PseudonymVersion = 1,
                    Speaker = s % 2 == 1 ? "Interviewer" : "#4 (PSW)",
                    Text =
                        s % 2 == 1
                            ? $"What happened on the ward in week {s}?"
                            : $"The staff on shift {s} {(s % 10 == 0 ? "showed stigma and excluded us" : "were busy with the paperwork")} again.",
                })
                .ToList();
            await Task.WhenAll(
                segments.Select(s => fixture.Cosmos.Segments.CreateItemAsync(s, new PartitionKey(transcript.Id)))
            );
            await index.WriteAsync(transcript, segments, 1, default);
        }

        // Cold: the first search of an app just started (a worker that has searched nothing yet) on the suite's data; it
        // takes no queue messages, so the suite's own app goes on alone.
        await using var app = new AppProcess(
            new Dictionary<string, string>(fixture.Environment) { ["Pipeline__LocalTriggers"] = "false" }
        );
        await app.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            app.BaseAddress,
            $"/app/coders/search.html?study={study}",
            PipelineFixture.CoderKey
        );
        var times = new List<double>();
        foreach (
            var query in new[] { "\"showed stigma\"", "paperwork", "stigma excluded", "ward week", "\"showed stigma\"" }
        )
        {
            await page.GetByLabel("Words or \"a phrase\"").FillAsync(query);
            await page.EvaluateAsync("() => delete document.body.dataset.searchMs");
            await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            await page.WaitForFunctionAsync(
                "() => document.body.dataset.searchMs !== undefined",
                null,
                new() { Timeout = 60_000 }
            );
            times.Add(
                double.Parse(
                    await page.EvaluateAsync<string>("() => document.body.dataset.searchMs"),
                    System.Globalization.CultureInfo.InvariantCulture
                )
            );
            // Of which the request itself (the app's answer over the loopback), the rest is the page showing 300 passages.
            var answered = await page.EvaluateAsync<double>(
                "() => { const r = performance.getEntriesByType('resource').filter(e => e.name.includes('/search?')).at(-1); return r.responseEnd - r.startTime; }"
            );
            output.WriteLine(
                $"{query}: {await page.Locator("#found").InnerTextAsync()} in {times[^1]:F0} ms (answered in {answered:F0} ms)"
            );
        }
        await Assertions.Expect(page.Locator("#found")).ToContainTextAsync("600 passage(s) in 100 transcript(s)");
        var warm = times.Skip(1).Order().ToArray();
        var report =
            $"search over 100 transcripts (6,000 passages), in the browser: first after the app started (cold) {times[0]:F0} ms; "
            + $"warm {string.Join(", ", times.Skip(1).Select(t => $"{t:F0}"))} ms (median {warm[warm.Length / 2]:F0} ms)";
        output.WriteLine(report);
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, ".local"));
        await File.WriteAllTextAsync(
            Path.Combine(RepoPaths.Root, ".local", "search-100-transcripts.txt"),
            report + "\n"
        );
    }
}
