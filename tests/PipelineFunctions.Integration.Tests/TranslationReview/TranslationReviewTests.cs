using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using PipelineFunctions.App.Http;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.TranslationReview;

[Collection(PipelineCollection.Name)]
public sealed class TranslationReviewTests(PipelineFixture fixture)
{
    const string LeadKey = "local-translation-key";

    async Task<(string Study, string Source, string Translation)> PairAsync(
        byte[]? translation = null,
        string name = "50010"
    )
    {
        var study = await fixture.CreateStudyAsync();
        var (_, source) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            $"{name}.sw.txt",
            PipelineFixture.Sample("uploads/dar-interview-50010.sw.txt"),
            PipelineFixture.DarKey,
            "sw"
        );
        var sourceId = (string)source!["transcriptId"]!;
        var (_, en) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            $"{name}.en.txt",
            translation ?? PipelineFixture.Sample("uploads/dar-interview-50010.en.txt"),
            PipelineFixture.DarKey,
            "en",
            sourceId
        );
        var translationId = (string)en!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, translationId, "AwaitingTranslationReview");
        await fixture.WaitForStatusAsync(study, sourceId, "AwaitingTranslationReview");
        return (study, sourceId, translationId);
    }

    [Fact]
    public async Task A_translation_arriving_before_its_source_meets_it_by_interview_id()
    {
        var study = await fixture.CreateStudyAsync();
        var (status, en) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "50010.en.txt",
            PipelineFixture.Sample("uploads/dar-interview-50010.en.txt"),
            PipelineFixture.DarKey,
            "en",
            interviewId: "50010_1",
            role: "translation"
        );
        Assert.Equal(HttpStatusCode.Accepted, status);
        var translationId = (string)en!["transcriptId"]!;
        var waiting = await fixture.WaitForStatusAsync(study, translationId, "AwaitingTranslationCheck");
        Assert.Contains("source", (string)waiting["history"]!.AsArray().Last()!["detail"]!);

        var (_, sw) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "50010.sw.txt",
            PipelineFixture.Sample("uploads/dar-interview-50010.sw.txt"),
            PipelineFixture.DarKey,
            "sw",
            interviewId: "50010_1",
            role: "source"
        );
        var sourceId = (string)sw!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, sourceId, "AwaitingTranslationReview");
        var done = await fixture.WaitForStatusAsync(study, translationId, "AwaitingTranslationReview");
        Assert.Equal(sourceId, (string?)done["summary"]!["translationOf"]);

        var (bad, body) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "x.txt",
            "P1: hi\n"u8.ToArray(),
            PipelineFixture.DarKey,
            "en",
            role: "translation"
        );
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.Contains("interview id", (string)body!["detail"]!);
    }

    [Fact]
    public async Task A_lead_approves_and_the_translation_goes_on_to_suggestions()
    {
        var (study, sourceId, translationId) = await PairAsync();
        using var lead = fixture.Client(LeadKey);
        var queue = (await lead.GetFromJsonAsync<JsonArray>("/api/translation-checks?site=dar-es-salaam"))!;
        Assert.Contains(queue, p => (string?)p!["translationId"] == translationId);

        var check = (
            await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/translation-checks/{translationId}")
        )!;
        Assert.Equal(6, check["rows"]!.AsArray().Count);
        Assert.All(check["rows"]!.AsArray(), r => Assert.DoesNotContain("Mwakyusa", r!.ToJsonString()));

        using (
            var stale = await lead.PostAsJsonAsync(
                $"/api/studies/{study}/translation-checks/{translationId}/approve",
                new { etag = "\"stale\"" }
            )
        )
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        using (var coder = fixture.Client(PipelineFixture.CoderKey))
        using (
            var denied = await coder.PostAsJsonAsync(
                $"/api/studies/{study}/translation-checks/{translationId}/approve",
                new { etag = (string)check["etag"]! }
            )
        )
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);

        using var approved = await lead.PostAsJsonAsync(
            $"/api/studies/{study}/translation-checks/{translationId}/approve",
            new { etag = (string)check["etag"]! }
        );
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        await fixture.WaitForStatusAsync(study, translationId, "SuggestionsReady");
        await fixture.WaitForStatusAsync(study, sourceId, "TranslationApproved");
        Assert.DoesNotContain(
            (await lead.GetFromJsonAsync<JsonArray>("/api/translation-checks"))!,
            p => (string?)p!["translationId"] == translationId
        );
    }

    [Fact]
    public async Task Query_answer_correction_recheck_and_approve()
    {
        // The first translation drops the last turn.
        var faulty = Encoding
            .UTF8.GetString(PipelineFixture.Sample("uploads/dar-interview-50010.en.txt"))
            .TrimEnd('\n')
            .Split('\n');
        var (study, sourceId, firstId) = await PairAsync(
            Encoding.UTF8.GetBytes(string.Join('\n', faulty[..^1]) + "\n")
        );
        using var lead = fixture.Client(LeadKey);
        var check = (await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/translation-checks/{firstId}"))!;
        Assert.Contains("High", check.ToJsonString());

        using (
            var query = await lead.PostAsJsonAsync(
                $"/api/studies/{study}/translation-checks/{firstId}/query",
                new
                {
                    etag = (string)check["etag"]!,
                    comments = new[]
                    {
                        new
                        {
                            sourceTurn = 6,
                            translationTurn = (int?)null,
                            comment = "The last answer is not translated.",
                        },
                    },
                }
            )
        )
            Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        await fixture.WaitForStatusAsync(study, sourceId, "TranslationQueried");

        using var site = fixture.Client(PipelineFixture.DarKey);
        var open = (await site.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/translation-queries"))!;
        var point = open.Single(o => (string?)o!["summary"]!["translationId"] == firstId)!["queries"]![0]!;
        using (
            var answer = await site.PostAsJsonAsync(
                $"/api/studies/{study}/translation-checks/{firstId}/queries/{(string)point["id"]!}/answer",
                new { answer = "Corrected, uploading again." }
            )
        )
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using (var kampala = fixture.Client(PipelineFixture.KampalaKey))
            Assert.Empty((await kampala.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/translation-queries"))!);

        var (status, corrected) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "50010.en.v2.txt",
            PipelineFixture.Sample("uploads/dar-interview-50010.en.txt"),
            PipelineFixture.DarKey,
            "en",
            sourceId
        );
        Assert.Equal(HttpStatusCode.Accepted, status);
        var secondId = (string)corrected!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, firstId, "Superseded");
        await fixture.WaitForStatusAsync(study, secondId, "AwaitingTranslationReview");

        var recheck = (await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/translation-checks/{secondId}"))!;
        Assert.Equal(firstId, (string?)recheck["summary"]!["supersedes"]);
        Assert.Equal("Corrected, uploading again.", (string?)recheck["queries"]![0]!["answer"]);
        Assert.DoesNotContain("\"High\"", recheck["rows"]!.ToJsonString());
        using (
            var approved = await lead.PostAsJsonAsync(
                $"/api/studies/{study}/translation-checks/{secondId}/approve",
                new { etag = (string)recheck["etag"]! }
            )
        )
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        await fixture.WaitForStatusAsync(study, secondId, "SuggestionsReady");
        await fixture.WaitForStatusAsync(study, sourceId, "TranslationApproved");
    }

    [Fact]
    public async Task The_side_by_side_page_names_sentence_and_name_flags_in_plain_words_without_an_original()
    {
        // A roster name changed to another, a sentence dropped from a turn that keeps one, a negation reversed in a
        // turn that keeps another.
        var faulty = Encoding
            .UTF8.GetString(PipelineFixture.Sample("uploads/dar-interview-50010.en.txt"))
            .Replace("Mr Juma Mwakyusa", "Mr Baraka Mollel")
            .Replace(" I learn new things and I feel my work has great meaning for the patients.", "")
            .Replace("tasks that are not peer support", "tasks that are peer support");
        var (study, _, translationId) = await PairAsync(Encoding.UTF8.GetBytes(faulty), "sentence-check");
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/translation/pair.html?study={study}&translation={translationId}",
            LeadKey
        );
        var rows = page.Locator("#turns tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(6);
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("High · Name changed or left out:");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("[PERSON-");
        await Assertions.Expect(rows.Nth(3)).ToContainTextAsync("Medium · Sentence missing in the translation:");
        await Assertions.Expect(rows.Nth(5)).ToContainTextAsync("Low · Negation on one side only: In sentence 2 of");
        foreach (var clean in new[] { 0, 2, 4 })
            await Assertions.Expect(rows.Nth(clean).Locator("td").Nth(2)).ToBeEmptyAsync();
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("dropped-sentence", text);
        foreach (var original in new[] { "Juma", "Mwakyusa", "Baraka", "Mollel" })
            Assert.DoesNotContain(original, text);
        await PageChecks.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_side_by_side_page_shows_flags_sends_a_query_keeps_the_pair_and_approves_after_a_confirmation()
    {
        var faulty = Encoding
            .UTF8.GetString(PipelineFixture.Sample("uploads/dar-interview-50010.en.txt"))
            .TrimEnd('\n')
            .Split('\n');
        var (study, sourceId, translationId) = await PairAsync(
            Encoding.UTF8.GetBytes(string.Join('\n', faulty[..^1]) + "\n"),
            "queue-check"
        );
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/app/translation/index.html").ToString());
        await page.GetByLabel("API key").FillAsync(LeadKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByLabel("Site", new() { Exact = true }).SelectOptionAsync("dar-es-salaam");
        // Named by file, source file and site, not by id.
        var row = page.Locator("#pairs tbody tr", new() { HasText = "queue-check.en.txt" });
        await Assertions.Expect(row).ToContainTextAsync("queue-check.sw.txt");
        await PageChecks.AssertAccessibleAsync(page);
        await row.GetByRole(AriaRole.Link, new() { Name = "Check queue-check.en.txt" }).ClickAsync();

        await Assertions.Expect(page.Locator("#turns tbody tr")).ToHaveCountAsync(6);
        await Assertions
            .Expect(page.Locator("#summary"))
            .ToContainTextAsync("queue-check.en.txt (translation of queue-check.sw.txt)");
        var missing = page.Locator("#turns tbody tr").Nth(5);
        await Assertions.Expect(missing).ToContainTextAsync("High · Turn not translated");
        await Assertions.Expect(missing).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("flagged high"));
        await page.GetByLabel("Comment on turn 6").FillAsync("Please translate this answer.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send comments to the site" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 point(s) sent");
        // The point stands beside its turn; approval waits while it is open.
        await Assertions
            .Expect(page.Locator("#turns tbody tr").Nth(5).Locator(".point"))
            .ToContainTextAsync("Please translate this answer. — no answer yet");
        await Assertions
            .Expect(page.GetByRole(AriaRole.Button, new() { Name = "Approve translation" }))
            .ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#approve-note")).ToContainTextAsync("1 point(s) still open");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "translation-pair");
        await fixture.WaitForStatusAsync(study, sourceId, "TranslationQueried");

        // The queried pair stays in the queue, under its own heading.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the queue" }).ClickAsync();
        await Assertions
            .Expect(page.Locator("#queried tbody tr", new() { HasText = "queue-check.en.txt" }))
            .ToContainTextAsync("1");
        await Assertions.Expect(page.Locator("#pairs tbody")).Not.ToContainTextAsync("queue-check.en.txt");
        await PageChecks.ScreenshotAsync(page, "translation-queue");

        // The site sees the point with its turn's text and a link to the pair, and answers it.
        var site = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/site/queries.html?study={study}",
            PipelineFixture.DarKey
        );
        var point = site.Locator("#queries li", new() { HasText = "Please translate this answer." });
        await Assertions.Expect(point.Locator("blockquote")).ToHaveCountAsync(1);
        await Assertions.Expect(site.Locator("#queries h2")).ToContainTextAsync("queue-check.en.txt");
        await Assertions
            .Expect(point.GetByRole(AriaRole.Link))
            .ToHaveAttributeAsync(
                "href",
                new System.Text.RegularExpressions.Regex(
                    $"pair.html\\?study={study}&translation={translationId}&view=site#turn-6"
                )
            );
        await PageChecks.AssertAccessibleAsync(site);
        await point.GetByLabel("Your answer").FillAsync("The speaker said nothing more.");
        await point.GetByRole(AriaRole.Button, new() { Name = "Save answer" }).ClickAsync();
        await Assertions.Expect(site.GetByRole(AriaRole.Status)).ToContainTextAsync("Answer saved.");
        await point.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions
            .Expect(site.Locator("#turn-6"))
            .ToContainTextAsync("site answered: The speaker said nothing more.");
        await Assertions.Expect(site.Locator(".actions")).ToBeHiddenAsync();

        // Answered: the lead may approve, after saying yes.
        await page.GetByRole(AriaRole.Link, new() { Name = "Check queue-check.en.txt" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve translation" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm")).ToContainTextAsync("Approve queue-check.en.txt?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(page.Locator("#confirm")).ToBeHiddenAsync();
        Assert.Equal(
            "TranslationQueried",
            (string?)(await fixture.TranscriptAsync(study, translationId))["summary"]!["status"]
        );
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve translation" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, approve" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved");
    }

    [Theory]
    [InlineData("a second click")]
    [InlineData("the sweep")]
    public async Task An_approval_stopped_between_its_writes_is_finished(string by)
    {
        var (study, sourceId, translationId) = await PairAsync(name: by == "the sweep" ? "50011" : "50012");
        using var lead = fixture.Client(LeadKey);
        var etag = (string)
            (await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/translation-checks/{translationId}"))![
                "etag"
            ]!;
        var checks = new TranslationCheckStore(fixture.Cosmos);

        // The real handler, with the fault hook: every status move fails, as when the process stops after the check's write.
        var stopped = new StoppedAfterTheCheck(fixture.Transcripts);
        var workflow = new TranscriptWorkflow(
            stopped,
            fixture.Queues,
            new StudySummaryStore(fixture.Cosmos, TimeProvider.System)
        );
        var functions = new TranslationChecksFunctions(
            new StudyStore(fixture.Cosmos),
            checks,
            fixture.Transcripts,
            new TranscriptTexts(fixture.Blobs),
            workflow,
            new ApprovedPairs(stopped, workflow),
            TimeProvider.System
        );
        var http = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "translation-lead")], "test")),
        };
        http.Request.ContentType = "application/json";
        http.Request.Body = new MemoryStream(
            JsonSerializer.SerializeToUtf8Bytes(new ReviewDecision(etag), PipelineFixture.Json)
        );
        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            functions.ApproveAsync(http.Request, study, translationId, default)
        );

        var check = (await checks.GetAsync(study, translationId, default))!;
        Assert.Equal(App.Model.TranslationReview.Approved, check.Review);
        foreach (var id in new[] { sourceId, translationId })
            Assert.Equal(
                "AwaitingTranslationReview",
                (string?)(await fixture.TranscriptAsync(study, id))["summary"]!["status"]
            );

        if (by == "the sweep")
        {
            // The sweep takes an approval older than its limit: this one as if made ten minutes ago.
            check.DecidedAt = check.DecidedAt!.Value.AddMinutes(-10);
            await checks.UpsertAsync(check, default);
        }
        else
        {
            // The lead clicks again with the page as it was: the approved check finishes its moves rather than refusing.
            using var again = await lead.PostAsJsonAsync(
                $"/api/studies/{study}/translation-checks/{translationId}/approve",
                new { etag }
            );
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains("moved on", (string?)(await again.Content.ReadFromJsonAsync<JsonNode>())!["message"]);
        }
        await fixture.WaitForStatusAsync(study, translationId, "SuggestionsReady");
        Assert.Equal(
            "TranslationApproved",
            (string?)(await fixture.TranscriptAsync(study, sourceId))["summary"]!["status"]
        );
    }

    /// <summary>The approval's fault hook: reads work, every status move fails as a stopped process would.</summary>
    sealed class StoppedAfterTheCheck(TranscriptStore store) : ITranscriptStatuses
    {
        public Task<TranscriptDocument?> GetAsync(string studyId, string transcriptId, CancellationToken ct) =>
            store.GetAsync(studyId, transcriptId, ct);

        public Task<bool> SetStatusAsync(
            string studyId,
            string transcriptId,
            TranscriptStatus from,
            TranscriptStatus status,
            string? reason,
            TranscriptFacts? facts,
            CancellationToken ct
        ) => throw new OperationCanceledException("The process stopped.");
    }
}
