using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>
/// The engine as a third coder: where the coders keep coding passages otherwise than it suggests, the code tree says it
/// is guessing at that code (with its figures), and the next transcript no longer offers the code, saying why; a code
/// nobody used is still learning.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class EngineReliabilityPageTests(PipelineFixture fixture)
{
    const string Hostility = "staff-hostility";

    static readonly string[] Turns =
    [
        "The nurses look down on me because I was a patient, they call us the ex-patients behind our backs.",
        "Some staff refuse to sit with us at lunch and they do not greet me in the corridor.",
        "A doctor told me peers should not read the case notes, as if we were dangerous.",
        "The staff joke that I will relapse and they exclude me from the team meetings.",
        "One nurse said she does not trust people with a diagnosis to work on the ward.",
        "They treat me with suspicion, the stigma from the other staff is the hardest part.",
    ];

    [Fact]
    public async Task A_code_coders_never_keep_is_labelled_guessing_in_the_tree_and_is_not_suggested_on_the_next_transcript()
    {
        var study = await fixture.CreateStudyAsync();
        var first = await fixture.UploadReadyAsync(
            study,
            "first.txt",
            string.Concat(Turns.Select((t, i) => $"Interviewer: Question {i + 1}?\n#9 (PSW): {t}\n"))
        );
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var review = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{first}/review"))!;
        var participant = review["segments"]!
            .AsArray()
            .Where(s => ((string)s!["speaker"]!).StartsWith("#9", StringComparison.Ordinal))
            .ToList();
        // The premise: the engine puts hostility first on these passages.
        Assert.True(
            participant.Count(s => (string?)s!["suggestions"]!.AsArray().FirstOrDefault()?["code"] == Hostility) >= 5,
            "the engine did not lead with hostility on the passages"
        );
        // The coders code every one of them otherwise: with the parent only, which the engine does not learn from, so the
        // next transcript is ranked as this one was and only the engine's record on hostility has changed.
        var codings = participant
            .Select(s => new
            {
                segment = (int)s!["segment"]!,
                codeId = "barriers",
                origin = "added",
            })
            .ToArray();
        using (
            var save = await coder.PutAsJsonAsync(
                $"/api/studies/{study}/transcripts/{first}/review/mine",
                new { codings }
            )
        )
            Assert.Equal(HttpStatusCode.OK, save.StatusCode);
        Assert.Equal(
            HttpStatusCode.OK,
            (await coder.PostAsync($"/api/studies/{study}/transcripts/{first}/review/mine/submit", null)).StatusCode
        );

        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/codes.html?study={study}",
            PipelineFixture.CoderKey
        );
        var hostility = page.Locator($"#tree button[data-code='{Hostility}'] .reliability");
        await Assertions
            .Expect(hostility)
            .ToHaveTextAsync(
                new System.Text.RegularExpressions.Regex(
                    @"^ guessing \(κ -?0\.\d\d, precision 0%, recall – over 6 passages\)$"
                )
            );
        await Assertions
            .Expect(hostility)
            .ToHaveAttributeAsync(
                "title",
                new System.Text.RegularExpressions.Regex("^guessing: κ -?0\\.\\d\\d, 0 of \\d suggestions kept")
            );
        // A code neither the engine nor the coders used is still learning, not judged.
        await Assertions
            .Expect(page.Locator("#tree button[data-code='personal-growth'] .reliability"))
            .ToContainTextAsync("learning");

        var second = await fixture.UploadReadyAsync(
            study,
            "second.txt",
            $"Interviewer: And the staff?\n#9 (PSW): {Turns[0]}\n"
        );
        await page.GotoAsync(
            new Uri(fixture.App.BaseAddress, $"/app/coders/review.html?study={study}&transcript={second}").ToString()
        );
        var passage = page.Locator("#passage-2");
        await Assertions
            .Expect(passage)
            .ToContainTextAsync("Hostility from non-PSS staff not suggested: the engine is guessing");
        var offered = await passage.Locator(".suggestion > button:first-child").AllTextContentsAsync();
        Assert.DoesNotContain(offered, s => s.Contains("Hostility", StringComparison.Ordinal));
    }
}
