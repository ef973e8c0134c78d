using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pages;

[Collection(PipelineCollection.Name)]
public sealed class AdminDashboardPageTests(PipelineFixture fixture)
{
    [Fact]
    public async Task The_dashboard_shows_activity_latency_health_and_a_timeline_and_replays_a_poison_message()
    {
        var study = await fixture.CreateStudyAsync();
        var (_, done) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "a.txt",
            PipelineFixture.Sample("uploads/dar-interview-50007_2.txt"),
            PipelineFixture.DarKey
        );
        await fixture.WaitForStatusAsync(study, (string)done!["transcriptId"]!, "SuggestionsReady");
        // The admin reads transcripts by file name and site, never by id.
        var poisonedName = $"dar-poisoned-{Guid.NewGuid():n}"[..20] + ".txt";
        var poisoned = await fixture.PoisonedTranscriptAsync(study, fileName: poisonedName);

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/app/admin/status.html").ToString());
        await page.GetByLabel("API key").FillAsync(PipelineFixture.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Activity: a line per status, for all sites and for one.
        await Assertions.Expect(page.Locator("#chart polyline").First).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#legend")).ToContainTextAsync("SuggestionsReady");
        await page.GetByLabel("Site", new() { Exact = true }).SelectOptionAsync($"{study}/dar-es-salaam");
        await Assertions.Expect(page.Locator("#legend")).ToContainTextAsync("Failed");
        Assert.True(await page.Locator("#chart g[data-status]").CountAsync() >= 4);
        await page.GetByLabel("Period", new() { Exact = true }).SelectOptionAsync("1");
        await Assertions.Expect(page.Locator("#legend")).ToContainTextAsync("Pseudonymised");

        // Latency and health.
        var pseudonymise = page.Locator("#latency tr", new() { HasText = "pseudonymise" });
        await Assertions.Expect(pseudonymise).ToBeVisibleAsync();
        Assert.DoesNotContain("–", await pseudonymise.Locator("td").Nth(2).InnerTextAsync());
        foreach (var service in new[] { "Blob storage", "Queue storage", "Cosmos DB" })
            await Assertions
                .Expect(page.Locator("#services tr", new() { HasText = service }))
                .ToContainTextAsync("yes");
        await Assertions.Expect(page.Locator("#queues tr", new() { HasText = "translation-check" })).ToBeVisibleAsync();

        // The poisoned transcript's timeline, then its replay from the page.
        var row = page.Locator("#poison tr", new() { HasText = poisonedName });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Timeline of {poisonedName}" }).ClickAsync();
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("Failed");
        await Assertions.Expect(page.Locator("#timeline-summary")).ToContainTextAsync($"{poisonedName} (Dar es Salaam");
        Assert.Equal(study, await page.GetByLabel("Study", new() { Exact = true }).InputValueAsync());
        await Assertions
            .Expect(page.Locator("#failures tr", new() { HasText = poisonedName }))
            .ToContainTextAsync("Dar es Salaam");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Replay {poisonedName} from pseudonymise-poison" })
            .ClickAsync();
        await Assertions.Expect(page.Locator("#notice")).ToContainTextAsync("Sent back to pseudonymise");
        await fixture.WaitForStatusAsync(study, poisoned, "SuggestionsReady");
        await Assertions
            .Expect(page.Locator("#poison tr", new() { HasText = poisonedName }))
            .ToHaveCountAsync(0, new() { Timeout = 15_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show timeline" }).ClickAsync();
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("SuggestionsReady");
        await Assertions.Expect(page.Locator("#timeline")).ToContainTextAsync("Replayed from pseudonymise-poison");

        // Any transcript's timeline chosen by file name, by keyboard: no id typed.
        await page.GetByLabel("Transcript", new() { Exact = true }).FocusAsync();
        await page.GetByLabel("Transcript", new() { Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Label = "a.txt (Dar es Salaam, SuggestionsReady)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show timeline" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#timeline-summary")).ToContainTextAsync("a.txt (Dar es Salaam, en)");

        // The audit export downloads a CSV naming the replay.
        await page.GetByLabel("Study to export").SelectOptionAsync(study);
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Export audit log (CSV)" }).ClickAsync()
        );
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("replay-poison", csv);

        // Usable at 1366×768: nothing wider than the window; metadata only (file names, no transcript text), and no transcript id to read.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        var body = await page.Locator("main").InnerTextAsync();
        foreach (var text in new[] { "supervisor", "guardian for the first", poisoned, (string)done["transcriptId"]! })
            Assert.DoesNotContain(text, body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("a.txt", body);
        await PageChecks.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(RepoPaths.Root, ".local", "admin-dashboard.png"), FullPage = true }
        );
    }

    [Fact]
    public async Task Health_names_every_queue_and_the_timeline_is_for_admins_only()
    {
        var study = await fixture.CreateStudyAsync();
        var (_, body) = await fixture.UploadAsync(study, "kampala", "empty.txt", [], PipelineFixture.KampalaKey);
        var id = (string)body!["transcriptId"]!;
        using var admin = fixture.Client(PipelineFixture.AdminKey);
        var health = (await admin.GetFromJsonAsync<JsonNode>("/api/admin/health"))!;
        Assert.All(health["services"]!.AsArray(), s => Assert.True((bool)s!["ok"]!));
        Assert.Equal(
            App.Storage.Queues.PipelineQueues.Names.Order(),
            health["queues"]!.AsArray().Select(q => (string)q!["queue"]!).Order()
        );
        var timeline = (
            await admin.GetFromJsonAsync<JsonNode>($"/api/admin/studies/{study}/transcripts/{id}/timeline")
        )!;
        Assert.Equal(["Received", "Rejected"], timeline["history"]!.AsArray().Select(h => (string)h!["status"]!));
        // By file name: metadata the admin reads instead of an id.
        Assert.Equal("empty.txt", (string?)timeline["fileName"]);
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        Assert.Equal(
            System.Net.HttpStatusCode.Forbidden,
            (await coder.GetAsync($"/api/admin/studies/{study}/transcripts/{id}/timeline")).StatusCode
        );
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await coder.GetAsync("/api/admin/health")).StatusCode);
    }
}
