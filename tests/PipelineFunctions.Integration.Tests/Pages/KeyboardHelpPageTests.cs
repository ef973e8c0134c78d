using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Pages;

/// <summary>Every page lists its keys on <c>?</c> and closes the list on Escape, with focus back where it was; a <c>?</c> typed into a field stays text.</summary>
[Collection(PipelineCollection.Name)]
public sealed class KeyboardHelpPageTests(PipelineFixture fixture)
{
    [Fact]
    public async Task Question_mark_opens_the_keys_on_every_page_and_escape_closes_them()
    {
        var study = await fixture.CreateStudyAsync();
        var pages = new (string Path, string Key)[]
        {
            ($"coders/index.html?study={study}", PipelineFixture.CoderKey),
            ($"coders/review.html?study={study}&transcript=t", PipelineFixture.CoderKey),
            ($"coders/codes.html?study={study}", PipelineFixture.CoderKey),
            ($"coders/search.html?study={study}", PipelineFixture.CoderKey),
            ($"coders/matrix.html?study={study}", PipelineFixture.CoderKey),
            ($"coders/agreement.html?study={study}&transcript=t", PipelineFixture.CoderKey),
            ($"coders/speakers.html?study={study}&transcript=t", PipelineFixture.LeadKey),
            ("translation/index.html", "local-translation-key"),
            ($"translation/pair.html?study={study}&translation=t", "local-translation-key"),
            ($"site/queries.html?study={study}", PipelineFixture.KampalaKey),
            ($"site/pseudonymisation.html?study={study}&transcript=t", PipelineFixture.KampalaKey),
            ($"site/check.html?study={study}", PipelineFixture.KampalaKey),
            ("admin/status.html", PipelineFixture.AdminKey),
            ($"admin/audit.html?study={study}", PipelineFixture.AdminKey),
            ("index.html", PipelineFixture.CoderKey),
            ($"site/upload.html?study={study}", PipelineFixture.KampalaKey),
            ($"site/transcripts.html?study={study}", PipelineFixture.KampalaKey),
            ($"lead/overview.html?study={study}", PipelineFixture.LeadKey),
            ($"lead/study.html?study={study}", PipelineFixture.LeadKey),
            ($"lead/codebook.html?study={study}", PipelineFixture.LeadKey),
            ($"lead/themes.html?study={study}", PipelineFixture.LeadKey),
        };
        Assert.Equal(
            Directory
                .GetFiles(Path.Combine(AppProcess.AppFolder, "wwwroot", "app"), "*.html", SearchOption.AllDirectories)
                .Length,
            pages.Length
        );

        await using var browser = await Browser.LaunchAsync();
        foreach (var (path, key) in pages)
        {
            var page = await PageChecks.OpenAsync(browser, fixture.App.BaseAddress, "/app/" + path, key);
            var help = page.Locator("#keys-help");
            await Assertions.Expect(page.Locator("header .keys")).ToContainTextAsync("Press ? for the keys.");
            var before = await page.EvaluateAsync<string>(
                "() => document.activeElement.id || document.activeElement.tagName"
            );
            await page.Keyboard.PressAsync("?");
            await Assertions.Expect(help).ToBeVisibleAsync();
            await Assertions.Expect(help).ToContainTextAsync("On every page");
            await Assertions.Expect(help).ToBeFocusedAsync();
            await PageChecks.AssertAccessibleAsync(page);
            await page.Keyboard.PressAsync("Escape");
            await Assertions.Expect(help).ToBeHiddenAsync();
            Assert.Equal(
                before,
                await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.tagName")
            );
            await PageChecks.AssertAccessibleAsync(page);
            await page.CloseAsync();
        }

        // A question typed into a field is text, not a call for help; Close shuts the help too.
        var search = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/search.html?study={study}",
            PipelineFixture.CoderKey
        );
        // Typed once the page has loaded: keys pressed into a field still hidden go nowhere.
        await Assertions.Expect(search.Locator("#search")).ToBeVisibleAsync();
        await search.GetByLabel("Words or \"a phrase\"").PressSequentiallyAsync("why?");
        await Assertions.Expect(search.GetByLabel("Words or \"a phrase\"")).ToHaveValueAsync("why?");
        await Assertions.Expect(search.Locator("#keys-help")).ToBeHiddenAsync();
        await search.EvaluateAsync("() => document.activeElement.blur()");
        await search.Keyboard.PressAsync("?");
        await search.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Assertions.Expect(search.Locator("#keys-help")).ToBeHiddenAsync();
    }
}
