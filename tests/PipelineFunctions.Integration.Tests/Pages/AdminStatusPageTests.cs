using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pages;

[Collection(PipelineCollection.Name)]
public sealed class AdminStatusPageTests(PipelineFixture fixture)
{
    [Fact]
    public async Task An_admin_signs_in_and_sees_counts_failures_and_updates_without_reloading()
    {
        // The admin reads studies, sites and transcripts by name, not by id.
        var name = $"Status study {Guid.NewGuid():n}"[..19];
        var study = await fixture.CreateStudyAsync(name: name);
        var rejectedName = $"empty-{Guid.NewGuid():n}"[..14] + ".txt";
        await fixture.UploadAsync(study, "kampala", rejectedName, [], PipelineFixture.KampalaKey);

        await using var browser = await Browser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, "/app/admin/status.html").ToString());
        await page.GetByLabel("API key").FillAsync("local-coder-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("it needs admin");

        await page.GetByLabel("API key").FillAsync(PipelineFixture.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var failures = page.Locator("#failures");
        await Assertions
            .Expect(failures.Locator("tr", new() { HasText = rejectedName }))
            .ToContainTextAsync($"{name}Kampala{rejectedName}Rejected");
        await Assertions.Expect(page.Locator("#sites")).ToContainTextAsync(name);

        // A new upload shows up on its own: the page refreshes itself.
        var (_, accepted) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "a.txt",
            PipelineFixture.Sample("uploads/dar-interview-50007_2.txt"),
            PipelineFixture.DarKey
        );
        await fixture.WaitForStatusAsync(study, (string)accepted!["transcriptId"]!, "SuggestionsReady");
        var siteRow = page.Locator("#sites tr", new() { HasText = "Dar es Salaam" }).Filter(new() { HasText = name });
        await Assertions.Expect(siteRow).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var body = await page.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("supervisor", body, StringComparison.OrdinalIgnoreCase);
        await page.ScreenshotAsync(
            new() { Path = Path.Combine(RepoPaths.Root, ".local", "admin-status.png"), FullPage = true }
        );
    }
}
