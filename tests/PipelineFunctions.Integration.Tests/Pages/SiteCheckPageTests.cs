using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>
/// The site's check before coding (check.html): a transcript of a study with the check waits at AwaitingSiteCheck;
/// the uploading site's researcher or the custodian decides its replacements, marks what was missed and releases it,
/// by mouse or by keyboard; it reaches coding and the next transcript learns from the decisions. Coders and admins are
/// refused; another site finds nothing.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class SiteCheckPageTests(PipelineFixture fixture)
{
    const string CustodianKey = "local-custodian-key";

    // The pseudonymiser leaves a lower-case nickname with no cue around it ("kibonge") in clear, unflagged.
    const string First =
        "Interviewer: Who helps you?\n50021: My neighbours help, kibonge especially, and Nakato too. Mondays are hard.\n";
    const string Next = "Interviewer: How are your weeks?\n50022: Mondays are busy, and kibonge visits me then.\n";

    [Theory]
    [InlineData(PipelineFixture.KampalaKey, "kampala")]
    [InlineData(CustodianKey, "custodian")]
    public async Task By_mouse_a_missed_name_releases_the_transcript_to_coding_and_the_next_transcript_learns(
        string key,
        string who
    )
    {
        var (study, id) = await WaitingAsync(First + $"Interviewer: Thank you ({who}, mouse).\n");
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/site/check.html?study={study}",
            key
        );
        await page.GetByRole(AriaRole.Link, new() { Name = "c.txt" }).ClickAsync();

        var original = page.Locator("#turns tbody tr").Nth(1).Locator("td").First;
        await Assertions.Expect(original).ToContainTextAsync("Nakato");
        await Assertions
            .Expect(page.Locator("#turns tbody tr").Nth(1).Locator("td").Last)
            .ToContainTextAsync("[PERSON-");
        Assert.DoesNotContain(
            "Nakato",
            await page.Locator("#turns tbody tr").Nth(1).Locator("td").Last.InnerTextAsync()
        );
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("0 still to decide");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, $"site-check-{who}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm: “Nakato” is rightly replaced" }).ClickAsync();
        await Assertions
            .Expect(page.Locator("#items li", new() { HasText = "Nakato" }))
            .ToContainTextAsync("replacement confirmed");
        await SelectAsync(page, "kibonge");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark the selected words as missed (m)" }).ClickAsync();
        await Assertions.Expect(page.Locator("#missed-list")).ToContainTextAsync("kibonge");
        await page.GetByRole(AriaRole.Button, new() { Name = "Release to the next step (Shift+R)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Released. 1 decision(s)");
        await PageChecks.AssertAccessibleAsync(page);

        await ReleasedToCodingAsync(study, id, version: 2);
        await TheNextTranscriptLearnsAsync(study);
        await AuditedWithoutWordsAsync(study, who == "kampala" ? "kampala-researcher" : "custodian");
    }

    [Theory]
    [InlineData(PipelineFixture.KampalaKey, "kampala")]
    [InlineData(CustodianKey, "custodian")]
    public async Task By_keyboard_each_replacement_is_decided_a_missed_name_marked_and_the_transcript_released(
        string key,
        string who
    )
    {
        var (study, id) = await WaitingAsync(First + $"Interviewer: Thank you ({who}, keys).\n");
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/site/check.html?study={study}",
            key
        );
        var link = page.GetByRole(AriaRole.Link, new() { Name = "c.txt" });
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#items li").First).ToBeVisibleAsync();

        // j/k walk the items; c confirms a replacement, o keeps the original.
        var items = page.Locator("#items li");
        var count = await items.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var text = await page.Locator("#items li.current").InnerTextAsync();
            await page.Keyboard.PressAsync(text.Contains("“Mondays”") ? "o" : "c");
            await page.Keyboard.PressAsync("j");
        }
        await Assertions
            .Expect(page.Locator("#items li", new() { HasText = "Nakato" }))
            .ToContainTextAsync("replacement confirmed");
        await page.Keyboard.PressAsync("k");
        await Assertions.Expect(page.Locator("#items li").First).ToBeFocusedAsync();
        await SelectAsync(page, "kibonge");
        await page.Keyboard.PressAsync("m");
        await Assertions.Expect(page.Locator("#missed-list")).ToContainTextAsync("kibonge");
        await page.Keyboard.PressAsync("Shift+R");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Released. 1 decision(s)");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToBeFocusedAsync();

        await ReleasedToCodingAsync(study, id, version: 2);
        await TheNextTranscriptLearnsAsync(study);
    }

    [Fact]
    public async Task An_unsure_span_comes_first_with_its_reason_and_is_decided_before_the_release()
    {
        var (study, id) = await WaitingAsync(First);
        using var site = fixture.Client(PipelineFixture.KampalaKey);
        var turn = (await site.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{id}/site-check"))![
            "turns"
        ]![1]!;
        var start = ((string)turn["original"]!).IndexOf("kibonge", StringComparison.Ordinal);
        // As the pseudonymisation stage stores Core's unsure spans with the version: offsets and reason, never the text.
        await fixture.Cosmos.Transcripts.PatchItemAsync<App.Model.TranscriptDocument>(
            id,
            new Microsoft.Azure.Cosmos.PartitionKey(study),
            [
                Microsoft.Azure.Cosmos.PatchOperation.Set(
                    "/unsureSpans",
                    new[] { new App.Model.StoredUnsureSpan((int)turn["index"]!, start, start + 7, "name-or-word") }
                ),
            ]
        );
        using (
            var stored = await fixture.Cosmos.Transcripts.ReadItemStreamAsync(
                id,
                new Microsoft.Azure.Cosmos.PartitionKey(study)
            )
        )
            Assert.DoesNotContain("kibonge", await new StreamReader(stored.Content).ReadToEndAsync());
        using var undecided = await site.PostAsJsonAsync(
            $"/api/studies/{study}/transcripts/{id}/site-check/release",
            new { version = 1 }
        );
        Assert.Equal(HttpStatusCode.BadRequest, undecided.StatusCode);

        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/site/check.html?study={study}&transcript={id}",
            PipelineFixture.KampalaKey
        );
        var first = page.Locator("#items li").First;
        await Assertions.Expect(first).ToContainTextAsync("“kibonge” left in clear, unsure: name or word");
        await Assertions
            .Expect(page.Locator("#summary"))
            .ToContainTextAsync("1 unsure word(s), 1 replacement(s); 1 still to decide");
        await Assertions.Expect(page.Locator("#turns mark.unsure")).ToHaveTextAsync("kibonge");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "site-check-unsure");
        await page.GetByRole(AriaRole.Button, new() { Name = "Release to the next step (Shift+R)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Decide the 1 unsure word(s) first");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace: “kibonge” is an identifier" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Release to the next step (Shift+R)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Released. 1 decision(s)");

        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        Assert.DoesNotContain("kibonge", await coder.GetStringAsync($"/api/studies/{study}/transcripts/{id}/segments"));
    }

    [Fact]
    public async Task Released_without_changes_the_transcript_goes_on_as_it_is_and_a_second_release_is_refused()
    {
        var (study, id) = await WaitingAsync(First);
        using var site = fixture.Client(PipelineFixture.KampalaKey);
        using var released = await site.PostAsJsonAsync(
            $"/api/studies/{study}/transcripts/{id}/site-check/release",
            new { version = 1 }
        );
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        await ReleasedToCodingAsync(study, id, version: 1);
        using var again = await site.PostAsJsonAsync(
            $"/api/studies/{study}/transcripts/{id}/site-check/release",
            new { version = 1 }
        );
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_coder_cannot_open_the_check_an_admin_sees_metadata_only_and_another_site_finds_nothing()
    {
        var (study, id) = await WaitingAsync(First);
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await coder.GetAsync($"/api/studies/{study}/transcripts/{id}/site-check")).StatusCode
        );
        Assert.Equal(HttpStatusCode.Forbidden, (await coder.GetAsync($"/api/studies/{study}/site-checks")).StatusCode);
        // Not before the site released it: neither the text nor the passages.
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await coder.GetAsync($"/api/studies/{study}/transcripts/{id}/pseudonymised")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await coder.GetAsync($"/api/studies/{study}/transcripts/{id}/segments")).StatusCode
        );
        using var admin = fixture.Client(PipelineFixture.AdminKey);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await admin.GetAsync($"/api/studies/{study}/transcripts/{id}/site-check")).StatusCode
        );
        var status = await admin.GetStringAsync("/api/admin/status");
        Assert.Contains("\"AwaitingSiteCheck\"", status);
        Assert.DoesNotContain("Nakato", status);
        using var dar = fixture.Client(PipelineFixture.DarKey);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await dar.GetAsync($"/api/studies/{study}/transcripts/{id}/site-check")).StatusCode
        );
        Assert.DoesNotContain(id, await dar.GetStringAsync($"/api/studies/{study}/site-checks"));
        using var kampala = fixture.Client(PipelineFixture.KampalaKey);
        Assert.Contains(id, await kampala.GetStringAsync($"/api/studies/{study}/site-checks"));

        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/site/check.html?study={study}&transcript={id}",
            PipelineFixture.CoderKey
        );
        await Assertions
            .Expect(page.GetByRole(AriaRole.Alert))
            .ToContainTextAsync("needs site-researcher or custodian");
        await Assertions.Expect(page.Locator("#check")).ToBeHiddenAsync();
        Assert.DoesNotContain("Nakato", await page.ContentAsync());
        Assert.Equal("AwaitingSiteCheck", (string?)(await fixture.TranscriptAsync(study, id))["summary"]!["status"]);
    }

    async Task<(string Study, string Id)> WaitingAsync(string text)
    {
        var study = await fixture.CreateStudyAsync("sc", siteCheck: true);
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "c.txt",
            Encoding.UTF8.GetBytes(text),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "AwaitingSiteCheck");
        return (study, id);
    }

    /// <summary>Selects a word in the original column, as a person drags over it.</summary>
    static Task SelectAsync(IPage page, string word) =>
        page.EvaluateAsync(
            @"word => {
        const cell = [...document.querySelectorAll('#turns td[data-turn]')].find(td => td.textContent.includes(word));
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        let node; while ((node = walker.nextNode()) && !node.textContent.includes(word)) {}
        const start = node.textContent.indexOf(word);
        const range = document.createRange(); range.setStart(node, start); range.setEnd(node, start + word.length);
        const s = window.getSelection(); s.removeAllRanges(); s.addRange(range);
    }",
            word
        );

    /// <summary>Pseudonymised again with the decisions, then on to coding; coders see the kept word and not the missed one.</summary>
    async Task ReleasedToCodingAsync(string study, string id, int version)
    {
        var done = await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        var document = (await fixture.Transcripts.GetAsync(study, id, default))!;
        Assert.Equal(version, document.PseudonymVersion);
        Assert.Equal(1, document.Released?.Version);
        Assert.Contains(done["history"]!.AsArray(), h => (string?)h!["status"] == "AwaitingSiteCheck");
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var segments = await coder.GetStringAsync($"/api/studies/{study}/transcripts/{id}/segments");
        Assert.DoesNotContain("Nakato", segments);
        if (version == 2)
        {
            Assert.Contains("Mondays", segments);
            Assert.DoesNotContain("kibonge", segments);
        }
    }

    /// <summary>A transcript uploaded after the decisions: the kept word stays, the missed name is replaced, before anyone checks it.</summary>
    async Task TheNextTranscriptLearnsAsync(string study)
    {
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "n.txt",
            Encoding.UTF8.GetBytes(Next),
            PipelineFixture.KampalaKey
        );
        var next = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, next, "AwaitingSiteCheck");
        using var site = fixture.Client(PipelineFixture.KampalaKey);
        var check = (await site.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{next}/site-check"))!;
        var pseudonymised = (string)check["turns"]![1]!["pseudonymised"]!;
        Assert.Contains("Mondays", pseudonymised);
        Assert.DoesNotContain("kibonge", pseudonymised);
        Assert.Contains(check["items"]!.AsArray(), i => (string?)i!["original"] == "kibonge");
    }

    async Task AuditedWithoutWordsAsync(string study, string user)
    {
        using var admin = fixture.Client(PipelineFixture.AdminKey);
        var audit = (await admin.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/audit"))!;
        Assert.Contains(audit, e => (string?)e!["action"] == "read-site-check" && (string?)e["user"] == user);
        Assert.Contains(
            audit,
            e =>
                (string?)e!["action"] == "release-site-check"
                && (string?)e["user"] == user
                && ((string?)e["target"])!.EndsWith("kept 0, replaced or missed 1", StringComparison.Ordinal)
        );
        Assert.DoesNotContain("kibonge", audit.ToJsonString());
        Assert.DoesNotContain("Mondays", audit.ToJsonString());
    }
}
