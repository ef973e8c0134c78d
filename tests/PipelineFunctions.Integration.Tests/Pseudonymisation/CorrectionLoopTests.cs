using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pseudonymisation;

[Collection(PipelineCollection.Name)]
public sealed class CorrectionLoopTests(PipelineFixture fixture)
{
    const string CustodianKey = "local-custodian-key";

    /// <summary>Waits until the correction has made the transcript's second version.</summary>
    Task SecondVersionAsync(string study, string id) => VersionAsync(study, id, 2);

    async Task VersionAsync(string study, string id, int version)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (
            (await fixture.Transcripts.GetAsync(study, id, default))!.PseudonymVersion < version
            && DateTime.UtcNow < deadline
        )
            await Task.Delay(300);
    }

    [Fact]
    public async Task A_missed_nickname_is_added_and_the_transcript_is_pseudonymised_again_as_a_new_version()
    {
        var study = await fixture.CreateStudyAsync();
        var text =
            "Interviewer: Who helps you?\n50020: My neighbours help me every week, kibonge especially, and then we cook.\n";
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "i.txt",
            Encoding.UTF8.GetBytes(text),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        Assert.Contains("kibonge", await coder.GetStringAsync($"/api/studies/{study}/transcripts/{id}/segments"));
        Assert.Equal(
            1,
            (int)(await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/search?q=kibonge"))!["total"]!
        );

        using var site = fixture.Client(PipelineFixture.KampalaKey);
        using var correction = await site.PostAsJsonAsync(
            $"/api/studies/{study}/pseudonymisation/corrections",
            new
            {
                kind = "missed",
                text = "kibonge",
                category = "person",
            }
        );
        Assert.Equal(HttpStatusCode.OK, correction.StatusCode);
        Assert.Contains(
            id,
            (await correction.Content.ReadFromJsonAsync<JsonNode>())!["affected"]!.AsArray().Select(a => (string)a!)
        );
        Assert.DoesNotContain("kibonge", await correction.Content.ReadAsStringAsync());

        await SecondVersionAsync(study, id);
        var done = await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        Assert.Equal(2, done["history"]!.AsArray().Count(h => (string?)h!["status"] == "Pseudonymised"));
        var segments = await coder.GetStringAsync($"/api/studies/{study}/transcripts/{id}/segments");
        Assert.DoesNotContain("kibonge", segments, StringComparison.OrdinalIgnoreCase);
        // Search finds the new version only: its search document replaced the old one.
        Assert.Equal(
            0,
            (int)(await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/search?q=kibonge"))!["total"]!
        );
        var found = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/search?q=neighbours"))!;
        Assert.Contains("[PERSON", (string)found["hits"]![0]!["text"]!);
        var indexed = (await new SearchIndexStore(fixture.Cosmos).ListAsync(study, null, null, default)).Where(d =>
            d.TranscriptId == id
        );
        Assert.Equal(2, Assert.Single(indexed).PseudonymVersion);
        // The earlier version is kept, not overwritten.
        Assert.True(await fixture.Blobs.Pseudonymised.GetBlobClient($"{id}/v1.json").ExistsAsync());
    }

    [Fact]
    public async Task Missed_names_corrected_twice_after_coding_keep_each_sub_span_on_its_words_and_flag_the_one_whose_words_changed()
    {
        var study = await fixture.CreateStudyAsync();
        var text =
            "Interviewer: What happens on the ward?\n50022: Every week tembo takes the keys, on Mondays kibonge takes the ward. Nobody wrote down what I should do, so I asked again.\n";
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "a.txt",
            Encoding.UTF8.GetBytes(text),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var view = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{id}/review"))!;
        var passage = view["segments"]!.AsArray().Single(s => ((string)s!["text"]!).Contains("Nobody"))!;
        var (segment, before) = ((int)passage["segment"]!, (string)passage["text"]!);
        var code = (string)view["codes"]![0]!["id"]!;
        const string kept = "Nobody wrote down what I should do",
            named = "kibonge takes";
        int At(string words) => before.IndexOf(words, StringComparison.Ordinal);
        using (
            var saved = await coder.PutAsJsonAsync(
                $"/api/studies/{study}/transcripts/{id}/review/mine",
                new
                {
                    codings = new object[]
                    {
                        new
                        {
                            segment,
                            codeId = code,
                            origin = "added",
                            start = At(kept),
                            end = At(kept) + kept.Length,
                        },
                        new
                        {
                            segment,
                            codeId = code,
                            origin = "added",
                            start = At(named),
                            end = At(named) + named.Length,
                        },
                        new
                        {
                            segment,
                            codeId = code,
                            origin = "added",
                        },
                    },
                    memos = new object[]
                    {
                        new
                        {
                            segment,
                            text = "Nobody told them.",
                            start = At(kept),
                            end = At(kept) + kept.Length,
                        },
                        new
                        {
                            segment,
                            text = "Who runs the ward.",
                            start = At(named),
                            end = At(named) + named.Length,
                        },
                        new { segment, text = "The whole turn." },
                    },
                }
            )
        )
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

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
            Assert.Equal(HttpStatusCode.OK, correction.StatusCode);
        await SecondVersionAsync(study, id);
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");

        var again = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{id}/review"))!;
        var after = (string)again["segments"]!.AsArray().Single(s => (int)s!["segment"]! == segment)!["text"]!;
        Assert.DoesNotContain("kibonge", after);
        var codings = again["mine"]!["codings"]!.AsArray();
        string Covered(JsonNode c) => after[(int)c["start"]!..(int)c["end"]!];
        var spans = codings.Where(c => c!["start"] is not null).ToList();
        Assert.Equal(2, spans.Count);
        // The name earlier in the turn shifted the offsets; the coding still covers the same words, not flagged.
        var same = Assert.Single(spans, c => Covered(c!) == kept)!;
        Assert.NotEqual(kept, after[At(kept)..(At(kept) + kept.Length)]);
        Assert.NotEqual(true, (bool?)same["confirm"]);
        // The span whose own words changed is placed by its context and shown to its coder to confirm.
        var changed = Assert.Single(spans, c => (bool?)c!["confirm"] == true)!;
        Assert.Matches(@"^\[PERSON-\d+\] takes$", Covered(changed));
        Assert.Single(codings, c => c!["start"] is null);
        // Memos on words move with them the same way; the one on the whole passage stays on it.
        var memos = again["mine"]!["memos"]!.AsArray();
        Assert.Equal(
            [
                ("Nobody told them.", (string?)kept, (bool?)null),
                ("The whole turn.", null, null),
                (
                    "Who runs the ward.",
                    after[
                        after.IndexOf("[PERSON-", StringComparison.Ordinal)..(
                            after.IndexOf(" takes the ward", StringComparison.Ordinal) + 6
                        )
                    ],
                    true
                ),
            ],
            memos
                .Select(m => ((string)m!["text"]!, m["start"] is null ? null : Covered(m), (bool?)m["confirm"]))
                .Order()
        );

        // A second correction, before every span, carries them all once more: the same words, the flag still there.
        using (
            var correction = await site.PostAsJsonAsync(
                $"/api/studies/{study}/pseudonymisation/corrections",
                new
                {
                    kind = "missed",
                    text = "tembo",
                    category = "person",
                }
            )
        )
            Assert.Equal(HttpStatusCode.OK, correction.StatusCode);
        await VersionAsync(study, id, 3);
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        var third = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{id}/review"))!;
        var last = (string)third["segments"]!.AsArray().Single(s => (int)s!["segment"]! == segment)!["text"]!;
        Assert.DoesNotContain("tembo", last);
        Assert.NotEqual(after.IndexOf(kept, StringComparison.Ordinal), last.IndexOf(kept, StringComparison.Ordinal));
        string CoveredLast(JsonNode c) => last[(int)c["start"]!..(int)c["end"]!];
        var lastCodings = third["mine"]!["codings"]!.AsArray();
        var lastSpans = lastCodings.Where(c => c!["start"] is not null).ToList();
        Assert.Equal(2, lastSpans.Count);
        Assert.NotEqual(true, (bool?)Assert.Single(lastSpans, c => CoveredLast(c!) == kept)!["confirm"]);
        Assert.Matches(
            @"^\[PERSON-\d+\] takes$",
            CoveredLast(Assert.Single(lastSpans, c => (bool?)c!["confirm"] == true)!)
        );
        Assert.Single(lastCodings, c => c!["start"] is null);
        Assert.Equal(
            ["Nobody told them.|" + kept, "The whole turn.|", "Who runs the ward.|true"],
            third["mine"]!["memos"]!
                .AsArray()
                .Select(m =>
                    $"{(string)m!["text"]!}|{(m["start"] is null ? "" : (bool?)m["confirm"] == true ? "true" : CoveredLast(m))}"
                )
                .Order()
        );

        // Nothing of either name stays in the coder's stored work.
        var stored = (await new CodingStore(fixture.Cosmos).GetAsync(id, "coder", default))!;
        foreach (var name in new[] { "kibonge", "tembo" })
            Assert.DoesNotContain(
                name,
                System.Text.Json.JsonSerializer.Serialize(stored),
                StringComparison.OrdinalIgnoreCase
            );
    }

    [Fact]
    public async Task The_site_sees_its_transcript_with_replacements_marked_and_corrects_both_ways_on_the_page()
    {
        var study = await fixture.CreateStudyAsync();
        var text =
            "Interviewer: Who helps?\n50021: My neighbours help, kibonge especially, and Nakato too. The Ward is calm.\n";
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "c.txt",
            Encoding.UTF8.GetBytes(text),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(
            new Uri(
                fixture.App.BaseAddress,
                $"/app/site/pseudonymisation.html?study={study}&transcript={id}"
            ).ToString()
        );
        await page.GetByLabel("API key").FillAsync(PipelineFixture.KampalaKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("mark", new() { HasText = "[PERSON-1]" })).ToBeVisibleAsync();
        Assert.DoesNotContain("Nakato", await page.Locator("#turns").InnerTextAsync());

        await page.EvaluateAsync(
            @"() => {
            const li = [...document.querySelectorAll('#turns li')][1];
            const node = [...li.childNodes].find(n => n.nodeType === 3 && n.textContent.includes('kibonge'));
            const start = node.textContent.indexOf('kibonge');
            const range = document.createRange(); range.setStart(node, start); range.setEnd(node, start + 7);
            const s = window.getSelection(); s.removeAllRanges(); s.addRange(range);
        }"
        );
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark the selected words as a missed identifier" })
            .ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("1 transcript(s)");

        await SecondVersionAsync(study, id);
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        Assert.DoesNotContain("kibonge", await coder.GetStringAsync($"/api/studies/{study}/transcripts/{id}/segments"));

        using var admin = fixture.Client(PipelineFixture.AdminKey);
        var audit = (await admin.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/audit"))!;
        Assert.Contains(audit, e => (string?)e!["action"] == "pseudonymisation-correction:missed");

        // The custodian's view is the original with each replacement, and the reading is audited.
        await page.EvaluateAsync("() => localStorage.setItem('pipeline-api-key', 'local-custodian-key')");
        await page.GotoAsync(
            new Uri(
                fixture.App.BaseAddress,
                $"/app/site/pseudonymisation.html?study={study}&transcript={id}&view=key"
            ).ToString()
        );
        await Assertions
            .Expect(page.Locator("mark", new() { HasText = "Nakato" }))
            .ToContainTextAsync("Nakato → [PERSON-1]");
        await Assertions.Expect(page.Locator("mark", new() { HasText = "kibonge" })).ToBeVisibleAsync();
        audit = (await admin.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/audit"))!;
        Assert.Contains(audit, e => (string?)e!["action"] == "read-key" && (string?)e["user"] == "custodian");
    }

    [Fact]
    public async Task Only_the_custodian_reads_the_key_and_every_read_is_audited()
    {
        var study = await fixture.CreateStudyAsync();
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "i.txt",
            PipelineFixture.Sample("uploads/kampala-interview-50003.srt"),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");

        using var coder = fixture.Client(PipelineFixture.CoderKey);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await coder.GetAsync($"/api/studies/{study}/transcripts/{id}/key")).StatusCode
        );
        using var admin = fixture.Client(PipelineFixture.AdminKey);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await admin.GetAsync($"/api/studies/{study}/transcripts/{id}/key")).StatusCode
        );
        using var uploadingSite = fixture.Client(PipelineFixture.KampalaKey);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await uploadingSite.GetAsync($"/api/studies/{study}/transcripts/{id}/key")).StatusCode
        );

        using var custodian = fixture.Client(CustodianKey);
        var key = (await custodian.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{id}/key"))!;
        Assert.Contains(key["replacements"]!.AsArray(), r => ((string)r!["original"]!).Contains("Nakato"));

        var audit = (await admin.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/audit"))!;
        var read = Assert.Single(audit, e => (string?)e!["action"] == "read-key");
        Assert.Equal("custodian", (string?)read!["user"]);
        // The three refused attempts are in the log too, each under its user, naming the transcript.
        var refused = audit.Where(e => (string?)e!["action"] == "refused:read-key").ToList();
        Assert.Equal(["admin", "coder", "kampala-researcher"], refused.Select(e => (string)e!["user"]!).Order());
        Assert.All(refused, e => Assert.Equal($"transcript:{id}", (string?)e!["target"]));
        Assert.DoesNotContain("Nakato", audit.ToJsonString());
    }
}
