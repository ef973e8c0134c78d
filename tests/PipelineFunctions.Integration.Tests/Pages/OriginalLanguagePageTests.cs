using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>
/// A German original uploaded with no English translation: the site's transcripts page says in plain words what it
/// waits for and the two ways on, and the site's researcher chooses, by mouse, to code it in its own language; it then
/// goes on to coding, its passages saying why no code is suggested.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class OriginalLanguagePageTests(PipelineFixture fixture)
{
    static readonly byte[] German = Encoding.UTF8.GetBytes(
        "Interviewer: Wie ist die Arbeit auf der Station im Moment?\n"
            + "P1: Sehr schwer. Wir sind zu wenige, und nach jeder Nachtschicht bin ich völlig erschöpft.\n"
            + "Interviewer: Was hilft Ihnen?\n"
            + "P1: Die Kolleginnen helfen mir, und manchmal gehe ich nach der Schicht lange spazieren.\n"
    );

    [Fact]
    public async Task A_waiting_original_says_what_it_waits_for_and_the_site_chooses_to_code_it_in_its_own_language()
    {
        var study = await fixture.CreateStudyAsync("orig", languages: ["en", "de"]);
        var (_, body) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "interview-60001.de.txt",
            German,
            PipelineFixture.DarKey,
            "de",
            interviewId: "60001"
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "AwaitingTranslationCheck");

        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/site/transcripts.html?study={study}",
            PipelineFixture.DarKey
        );
        var row = page.Locator("#list tr", new() { HasText = "interview-60001.de.txt" });
        await Assertions.Expect(row).ToContainTextAsync("Waiting for its English translation");
        await Assertions
            .Expect(row)
            .ToContainTextAsync("upload the English translation, or choose to code it in its own language");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "site-transcripts-waiting-original");

        await row.GetByRole(AriaRole.Button, new() { Name = "Code in its own language: interview-60001.de.txt" })
            .ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("coded in its own language");
        await Assertions.Expect(row).ToContainTextAsync("Ready for coding", new() { Timeout = 60_000 });
        await Assertions.Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        var done = await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        Assert.Contains("own language (de)", (string?)done["history"]!.AsArray()[^2]!["detail"]);
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        var segments = (await lead.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/transcripts/{id}/segments"))!;
        Assert.NotEmpty(segments);
        Assert.All(segments, s => Assert.Empty(s!["suggestions"]!.AsArray()));
        Assert.Contains(
            segments,
            s => ((string?)s!["abstained"] ?? "").Contains("reads English only", StringComparison.Ordinal)
        );
    }
}
