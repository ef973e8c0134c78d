using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>
/// A site researcher uploads in the browser: files dropped (or chosen by keyboard), the language from the name or the
/// text, a translation paired with its source by the file names, each file followed to its final status in plain
/// words, a duplicate named by its file and day, a rejection with what to do; then the site's transcripts page.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class UploadPageTests(PipelineFixture fixture, ITestOutputHelper output)
{
    /// <summary>
    /// Drops files on the page's drop zone as a person dragging them from their desktop would, through a real
    /// DataTransfer; answers the milliseconds from the drop to the list painted (two animation frames), measured in the page.
    /// </summary>
    static Task<double> DropAsync(IPage page, params (string Name, string Text)[] files) =>
        page.EvaluateAsync<double>(
            @"async files => {
            const data = new DataTransfer();
            for (const f of JSON.parse(files)) data.items.add(new File([f.text], f.name, { type: 'text/plain' }));
            const t0 = performance.now();
            document.querySelector('#drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
            await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
            return performance.now() - t0;
        }",
            JsonSerializer.Serialize(files.Select(f => new { name = f.Name, text = f.Text }))
        );

    static string Sample(string name) => Encoding.UTF8.GetString(PipelineFixture.Sample("uploads/" + name));

    static ILocator Row(IPage page, string file) => page.Locator($"#queue tbody tr[data-file='{file}']");

    [Fact]
    public async Task A_site_researcher_drops_a_source_and_its_translation_and_watches_both_reach_their_final_status()
    {
        var study = await fixture.CreateStudyAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/?study={study}",
            PipelineFixture.DarKey
        );
        await page.Locator("section.study")
            .GetByRole(AriaRole.Link, new() { Name = "Upload transcripts" })
            .ClickAsync();
        await Assertions.Expect(page.Locator("#upload")).ToBeVisibleAsync();
        // Only the researcher's own site is offered.
        await Assertions.Expect(page.Locator("#site option")).ToHaveTextAsync(["Dar es Salaam"]);

        await DropAsync(
            page,
            ("dar-interview-50010.sw.txt", Sample("dar-interview-50010.sw.txt")),
            ("dar-interview-50010.en.txt", Sample("dar-interview-50010.en.txt"))
        );
        var source = Row(page, "dar-interview-50010.sw.txt");
        var translation = Row(page, "dar-interview-50010.en.txt");
        await Assertions.Expect(source.GetByLabel("Language of dar-interview-50010.sw.txt")).ToHaveValueAsync("sw");
        await Assertions
            .Expect(translation.GetByLabel("Language of dar-interview-50010.en.txt"))
            .ToHaveValueAsync("en");
        await Assertions
            .Expect(translation.GetByLabel("dar-interview-50010.en.txt is a translation of"))
            .ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^row:"));
        await Assertions.Expect(translation).ToContainTextAsync("by the file names");
        await Assertions
            .Expect(source.GetByLabel("Interview id of dar-interview-50010.sw.txt"))
            .ToHaveValueAsync("50010");
        await PageChecks.AssertAccessibleAsync(page);

        // Sent by keyboard; both move on their own and stop where they wait for the translation lead.
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        foreach (var row in new[] { source, translation })
            await Assertions
                .Expect(row.Locator(".status"))
                .ToContainTextAsync("waiting for the translation lead", new() { Timeout = 90_000 });
        await Assertions.Expect(translation.Locator(".advice")).ToContainTextAsync("Waits on the translation lead");
        await Assertions.Expect(page.Locator("#summary")).ToContainTextAsync("2 of 2 file(s) reached");
        await PageChecks.ScreenshotAsync(page, "upload-pair-done");

        // The same file again is named by its file and day, never by an id; an empty file is refused with what to do.
        using var dar = fixture.Client(PipelineFixture.DarKey);
        var ids = (await dar.GetStringAsync($"/api/studies/{study}/transcripts"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear the list" }).ClickAsync();
        await DropAsync(
            page,
            ("dar-interview-50010.sw.txt", Sample("dar-interview-50010.sw.txt")),
            ("empty-50012.txt", "")
        );
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        var duplicate = Row(page, "dar-interview-50010.sw.txt").Locator(".status");
        await Assertions.Expect(duplicate).ToContainTextAsync("uploaded already, as dar-interview-50010.sw.txt on");
        var shown = await duplicate.InnerTextAsync();
        foreach (
            var id in JsonDocument.Parse(ids).RootElement.EnumerateArray().Select(t => t.GetProperty("id").GetString()!)
        )
            Assert.DoesNotContain(id, shown);
        await Assertions.Expect(Row(page, "empty-50012.txt").Locator(".status")).ToContainTextAsync("Rejected");
        await Assertions
            .Expect(Row(page, "empty-50012.txt").Locator(".advice"))
            .ToContainTextAsync("export the transcript again");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "upload-duplicate-and-rejection");

        // The site's transcripts: every one of the site's, with what it waits on and the pages that act on it.
        await page.Locator("nav.shell").GetByRole(AriaRole.Link, new() { Name = "Site transcripts" }).ClickAsync();
        var list = page.Locator("#list");
        await Assertions.Expect(list.Locator("tbody tr")).ToHaveCountAsync(3);
        var pair = list.Locator("tr", new() { HasText = "dar-interview-50010.sw.txt" });
        await Assertions.Expect(pair).ToContainTextAsync("the translation lead");
        await Assertions
            .Expect(pair.GetByRole(AriaRole.Link, new() { Name = "Translation points of dar-interview-50010.sw.txt" }))
            .ToBeVisibleAsync();
        await Assertions
            .Expect(list.Locator("tr", new() { HasText = "empty-50012.txt" }))
            .ToContainTextAsync("upload it again");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "site-transcripts");
        await pair.GetByRole(
                AriaRole.Link,
                new() { Name = "Pseudonymisation and corrections of dar-interview-50010.sw.txt" }
            )
            .ClickAsync();
        await Assertions.Expect(page.Locator("#check")).ToBeVisibleAsync();

        // Kampala's researcher, scoped to their site, sees none of Dar es Salaam's.
        var kampala = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/site/transcripts.html?study={study}",
            PipelineFixture.KampalaKey
        );
        await Assertions.Expect(kampala.Locator("#list tbody")).ToHaveTextAsync("No transcripts yet.");
    }

    [Fact]
    public async Task The_language_of_a_file_whose_name_does_not_say_is_suggested_from_its_text_and_the_file_input_works_by_keyboard()
    {
        var study = await fixture.CreateStudyAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/site/upload.html?study={study}",
            PipelineFixture.DarKey
        );
        await Assertions.Expect(page.Locator("#upload")).ToBeVisibleAsync();
        await page.GetByLabel("choose files")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "mahojiano-50020.txt",
                    MimeType = "text/plain",
                    Buffer = PipelineFixture.Sample("uploads/dar-interview-50010.sw.txt"),
                }
            );
        var row = Row(page, "mahojiano-50020.txt");
        await Assertions.Expect(row.GetByLabel("Language of mahojiano-50020.txt")).ToHaveValueAsync("sw");
        await Assertions.Expect(row).ToContainTextAsync("suggested from the text");
        await Assertions.Expect(row.GetByLabel("Interview id of mahojiano-50020.txt")).ToHaveValueAsync("50020");
    }

    [Fact]
    public async Task Twenty_files_dropped_at_once_are_all_listed_with_their_status()
    {
        var study = await fixture.CreateStudyAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/site/upload.html?study={study}",
            PipelineFixture.KampalaKey
        );
        await Assertions.Expect(page.Locator("#upload")).ToBeVisibleAsync();
        var text = Sample("dar-interview-50007_2.txt");
        // The figure for the note: from the drop to the rows painted.
        var ms = await DropAsync(
            page,
            [
                .. Enumerable
                    .Range(1, 20)
                    .Select(i => ($"kampala-interview-{50100 + i}.en.txt", text + $"\nInterviewer: Thank you, {i}.\n")),
            ]
        );
        await Assertions.Expect(page.Locator("#queue tbody tr")).ToHaveCountAsync(20);
        await Assertions
            .Expect(page.Locator("#queue tbody tr .status", new() { HasText = "Ready to upload." }))
            .ToHaveCountAsync(20);
        output.WriteLine(
            $"20 files dropped: listed with their status {ms:0} ms after the drop (painted); the page's own count {await page.EvaluateAsync<string>("() => document.body.dataset.listedMs")} ms"
        );
        await PageChecks.ScreenshotAsync(page, "upload-twenty-files");
    }
}
