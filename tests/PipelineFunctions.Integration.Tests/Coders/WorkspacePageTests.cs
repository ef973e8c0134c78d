using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>
/// The defects issue #14 found in the coder's pages, each shown fixed in Chromium, and what it asked for beside them:
/// stripes, highlighted words, the code tree with counts, memos, the agreement page by name, the code view, search,
/// the matrix; every page checked by axe-core and photographed at 1366×768.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed partial class WorkspacePageTests(PipelineFixture fixture)
{
    const string Transcript = CodersWorkspaceTests.Transcript;

    [Fact]
    public async Task The_workspace_codes_the_passage_you_chose_and_shows_what_you_did()
    {
        var study = await fixture.CreateStudyAsync(doubleCodeFirst: 1);
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "workspace.txt",
            Encoding.UTF8.GetBytes(Transcript),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");

        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/review.html?study={study}&transcript={id}",
            PipelineFixture.CoderKey
        );
        await Assertions.Expect(page.Locator("#passages > li")).ToHaveCountAsync(6);

        // Links back to the list, the code view and agreement (which says when it opens).
        await Assertions
            .Expect(page.GetByRole(AriaRole.Link, new() { Name = "Transcripts to code" }))
            .ToHaveAttributeAsync("href", $"/app/coders/index.html?study={study}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Passages by code" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#agreement")).ToContainTextAsync("opens once you both submit");

        // Every passage shows up to three ranked suggestions, each with its confidence and its reason; or why none.
        var coded = page.Locator("#passage-4");
        var offers = coded.Locator(".suggestion");
        Assert.InRange(await offers.CountAsync(), 1, 3);
        for (var i = 0; i < await offers.CountAsync(); i++)
        {
            await Assertions.Expect(offers.Nth(i)).ToContainTextAsync(PercentRegex());
            await Assertions.Expect(offers.Nth(i).Locator(".evidence")).ToContainTextAsync("Why:");
        }
        await Assertions.Expect(page.Locator("#passage-1")).ToContainTextAsync("No suggestion:");

        // Clicking passage 6 makes it current: a code typed next lands on passage 6, not passage 1.
        await page.Locator("#passage-6 .text").ClickAsync();
        await Assertions.Expect(page.Locator("#passage-6")).ToHaveClassAsync(CurrentRegex());
        await page.GetByLabel("Add a code to the current passage").FillAsync("Unsupportive working environments");
        await page.GetByLabel("Add a code to the current passage").PressAsync("Enter");
        await Assertions
            .Expect(page.Locator("#passage-6 .chip"))
            .ToContainTextAsync("Unsupportive working environments");
        await Assertions.Expect(page.Locator("#passage-1 .chip")).ToHaveCountAsync(0);
        // A stripe beside the passage, one per code.
        await Assertions
            .Expect(page.Locator("#passage-6 .stripes .stripe"))
            .ToHaveTextAsync(["Unsupportive working environments"]);

        // After j the focus and the current bar mark the same passage.
        await page.Locator("#passage-2 .text").ClickAsync();
        await page.Keyboard.PressAsync("j");
        await Assertions.Expect(page.Locator("#passage-3")).ToHaveClassAsync(CurrentRegex());
        Assert.Equal("passage-3", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // The "Saved at" line does not move the toolbar.
        const string toolbarAt = "() => document.querySelector('#workspace').getBoundingClientRect().top + scrollY";
        var before = await page.EvaluateAsync<double>(toolbarAt);
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("x");
        await Assertions.Expect(page.Locator("#saved")).ToContainTextAsync("Saved");
        Assert.Equal(before, await page.EvaluateAsync<double>(toolbarAt));

        // A rejected suggestion is listed, and restored by its button (or u).
        var rejected = page.Locator("#rejected li");
        await Assertions.Expect(rejected).ToContainTextAsync("on passage 4");
        var restoredName = Regex
            .Match(await rejected.First.InnerTextAsync(), "^(.*) on passage 4")
            .Groups[1]
            .Value.Trim();
        await rejected.First.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator("#rejected")).ToContainTextAsync("None rejected.");
        await Assertions.Expect(page.Locator("#passage-4 .suggestion").First).ToContainTextAsync(restoredName);

        // Words coded from a selection are highlighted in the text, with their own stripe; overlaps are marked as such.
        await PassageWords.SelectAsync(page, 4, "stigma and exclude us");
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("Hostility from non-PSS staff");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#passage-4 mark.coded")).ToHaveTextAsync("stigma and exclude us");
        await page.Locator("#passage-4 .text").ClickAsync();
        await PassageWords.SelectAsync(page, 4, "exclude us from the meetings");
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("Unclear role");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#passage-4 mark.overlap")).ToHaveTextAsync("exclude us");
        await page.Locator("#passage-4 .stripe", new() { HasText = "Hostility" }).HoverAsync();
        await Assertions.Expect(page.Locator("#passage-4 mark.lit")).ToHaveCountAsync(2);

        // The code tree counts my passages and rolls children into their parent; choosing a code goes to its passage.
        await Assertions
            .Expect(page.Locator("#tree button[data-code='barriers'] .counts"))
            .ToHaveTextAsync("2 · – · 0");
        await page.Locator("#tree button[data-code='unsupportive-environment']").ClickAsync();
        await Assertions.Expect(page.Locator("#passage-6")).ToHaveClassAsync(CurrentRegex());

        // Memos: on the transcript, on a passage and a code; listed, edited.
        await page.GetByLabel("Memo", new() { Exact = true }).FillAsync("Rules, not people.");
        await page.GetByLabel("About code").SelectOptionAsync("unsupportive-environment");
        await page.GetByLabel("Link to the current passage").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save memo" }).ClickAsync();
        await Assertions
            .Expect(page.Locator("#memos"))
            .ToContainTextAsync("Passage 6 · Unsupportive working environments: Rules, not people.");
        await Assertions.Expect(page.Locator("#passage-6 .memo")).ToContainTextAsync("Rules, not people.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Edit memo 1" }).ClickAsync();
        await page.GetByLabel("Memo", new() { Exact = true }).FillAsync("Rules and paperwork, not people.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator("#memos")).ToContainTextAsync("Rules and paperwork, not people.");

        // Keys on ?, closed by Escape.
        await page.Locator("#passage-6").FocusAsync();
        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.Locator("#keys-help")).ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page);
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#keys-help")).ToBeHiddenAsync();

        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "review");

        // Submitting disables the button.
        await page.Keyboard.PressAsync("Shift+S");
        await Assertions.Expect(page.Locator("#saved")).ToContainTextAsync("Submitted");
        await Assertions.Expect(page.Locator("#submit")).ToBeDisabledAsync();

        // The code view lists my own coding before any consensus, by site name, children under their parent.
        await page.GotoAsync(
            new Uri(fixture.App.BaseAddress, $"/app/coders/codes.html?study={study}&code=barriers").ToString()
        );
        await Assertions.Expect(page.Locator("#passages > li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#passages")).ToContainTextAsync("[#9, Kampala, PSW]");
        await Assertions
            .Expect(page.Locator("#site option"))
            .ToContainTextAsync(["All sites", "Kampala", "Dar es Salaam"]);
        await Assertions.Expect(page.Locator("#code-memos")).ToContainTextAsync("Rules and paperwork, not people.");
        await Assertions
            .Expect(page.Locator("#tree button[data-code='barriers'] .counts"))
            .ToHaveTextAsync("2 · – · 2");
        await page.GetByLabel("Site").SelectOptionAsync("dar-es-salaam");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#passages")).ToContainTextAsync("No passage has this code yet.");
        await page.GetByLabel("Site").SelectOptionAsync("kampala");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("#passages > li")).ToHaveCountAsync(2);
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "code-view");

        // The other coder submits: agreement by name, each disputed passage with its text and both versions.
        using var second = fixture.Client(PipelineFixture.Coder2Key);
        var codings = new[]
        {
            new
            {
                segment = 2,
                codeId = "supportive-figures",
                origin = "added",
            },
            new
            {
                segment = 6,
                codeId = "unsupportive-environment",
                origin = "added",
            },
        };
        (
            await second.PutAsJsonAsync($"/api/studies/{study}/transcripts/{id}/review/mine", new { codings })
        ).EnsureSuccessStatusCode();
        (
            await second.PostAsync($"/api/studies/{study}/transcripts/{id}/review/mine/submit", null)
        ).EnsureSuccessStatusCode();
        await page.GotoAsync(
            new Uri(fixture.App.BaseAddress, $"/app/coders/review.html?study={study}&transcript={id}").ToString()
        );
        await page.GetByRole(AriaRole.Link, new() { Name = "Agreement", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#coders")).ToHaveTextAsync("Coders: coder and coder-2.");
        await Assertions.Expect(page.Locator("#explain")).ToContainTextAsync("κ 0");
        await Assertions.Expect(page.Locator("#figures thead")).ToContainTextAsync("coder-2 only");
        var disputed = page.Locator(".disputed", new() { HasText = "Passage 4" });
        await Assertions
            .Expect(disputed.Locator("blockquote"))
            .ToHaveTextAsync("Some staff show stigma and exclude us from the meetings.");
        await Assertions
            .Expect(disputed.Locator(".versions"))
            .ToContainTextAsync("coder codedHostility from non-PSS staffUnclear role");
        await Assertions.Expect(disputed.Locator(".versions")).ToContainTextAsync("coder-2 codednothing");
        await PageChecks.AssertAccessibleAsync(page);

        // The tree shows the other coder's counts now that both submitted.
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var tree = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/codes/tree?transcript={id}"))!;
        Assert.Equal(
            1,
            (int)tree["codes"]!.AsArray().Single(c => (string)c!["id"]! == "supportive-figures")!["other"]!
        );

        // The matrix: codes × sites, a count opens its passages, CSV downloads.
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/app/coders/matrix.html?study={study}").ToString());
        var barriers = page.Locator("#matrix tbody tr", new() { HasText = "Barriers" }).First;
        await Assertions.Expect(barriers.Locator("td").First).ToHaveTextAsync("2");
        await PageChecks.AssertAccessibleAsync(page);
        await PageChecks.ScreenshotAsync(page, "matrix");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Export as CSV" }).ClickAsync()
        );
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith("Code,Parent,Kampala,Dar es Salaam", csv, StringComparison.Ordinal);
        Assert.Contains("Barriers,,2,0", csv, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "2 passage(s) of Barriers at Kampala" }).ClickAsync();
        await Assertions.Expect(page.Locator("#passages > li")).ToHaveCountAsync(2);
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/app/coders/matrix.html?study={study}").ToString());
        await page.GetByLabel("Columns").SelectOptionAsync("role");
        await Assertions.Expect(page.Locator("#matrix thead")).ToContainTextAsync("PSW");

        // Search: a phrase across the study, coded straight from the hit, saved as a set.
        await page.GotoAsync(new Uri(fixture.App.BaseAddress, $"/app/coders/search.html?study={study}").ToString());
        await page.GetByLabel("Words or \"a phrase\"").FillAsync("\"three signatures\"");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#hits > li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#hits")).ToContainTextAsync("workspace.txt, Kampala, en");
        await PageChecks.AssertAccessibleAsync(page);
        await page.GetByLabel("Save this search as a set named").FillAsync("Paperwork");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save set" }).ClickAsync();
        await Assertions
            .Expect(page.Locator("#sets"))
            .ToContainTextAsync("Paperwork: “\"three signatures\"”, 1 passage(s)");
    }

    [Fact]
    public async Task Searching_finds_a_passage_the_coder_codes_from_the_hit()
    {
        var study = await fixture.CreateStudyAsync();
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "search.txt",
            Encoding.UTF8.GetBytes(Transcript),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/search.html?study={study}&q=stigma",
            PipelineFixture.CoderKey
        );
        await Assertions.Expect(page.Locator("#hits > li")).ToHaveCountAsync(1);
        await page.GetByLabel("Speaker role").FillAsync("OT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#found")).ToContainTextAsync("0 passage(s)");
        await page.GetByLabel("Speaker role").FillAsync("PSW");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.GetByLabel("Code it").FillAsync("Hostility from non-PSS staff");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the code to passage 4 of search.txt" }).ClickAsync();
        await Assertions
            .Expect(page.Locator("#found"))
            .ToContainTextAsync("Coded passage 4 of search.txt with Hostility from non-PSS staff.");
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var mine = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{id}/review"))!["mine"]![
            "codings"
        ]!.AsArray();
        Assert.Contains(mine, c => (int)c!["segment"]! == 4 && (string)c["codeId"]! == "staff-hostility");
    }

    [GeneratedRegex("current")]
    private static partial Regex CurrentRegex();

    [GeneratedRegex(@"\d+%")]
    private static partial Regex PercentRegex();
}
