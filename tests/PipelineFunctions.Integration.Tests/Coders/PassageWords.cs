using System.Text;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>Words of a passage on the coding page: where they stand on screen, and dragged over as a mouse does.</summary>
static class PassageWords
{
    public static readonly System.Text.RegularExpressions.Regex Current = new(@"\bcurrent\b");

    /// <summary>A new study with the workspace's six-passage transcript ready for coding, open on the coding page as
    /// the coder, its first passage current.</summary>
    public static async Task<(IPage Page, string Study, string Transcript)> OpenCodingPageAsync(
        PipelineFixture fixture,
        Browser browser,
        string name
    )
    {
        var study = await fixture.CreateStudyAsync(name);
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            $"{name}.txt",
            Encoding.UTF8.GetBytes(CodersWorkspaceTests.Transcript),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/review.html?study={study}&transcript={id}",
            PipelineFixture.CoderKey
        );
        await Assertions.Expect(page.Locator("#passages > li")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#passage-1")).ToHaveClassAsync(Current);
        return (page, study, id);
    }

    /// <summary>The words' left and right edges and their middle height, in the viewport.</summary>
    public static Task<double[]> BoxAsync(IPage page, int passage, string words) =>
        page.EvaluateAsync<double[]>(
            @"([passage, words]) => {
            const text = document.querySelector(`#passage-${passage} .text`);
            const node = [...text.childNodes].find(n => n.nodeType === 3 && n.textContent.includes(words));
            const at = node.textContent.indexOf(words), range = document.createRange();
            range.setStart(node, at); range.setEnd(node, at + words.length);
            const r = range.getClientRects()[0];
            return [r.left, r.right, r.top + r.height / 2];
        }",
            new object[] { passage, words }
        );

    /// <summary>Presses at the words' first character, moves to their last and lets go.</summary>
    public static async Task DragAsync(IPage page, double[] box)
    {
        await page.Mouse.MoveAsync((float)box[0] + 1, (float)box[2]);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)box[1] - 1, (float)box[2], new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    /// <summary>Selects words inside one passage's text, as a mouse would (marks already in it split it into several text nodes).</summary>
    public static Task SelectAsync(IPage page, int passage, string words) =>
        page.EvaluateAsync(
            @"([passage, words]) => {
        const text = document.querySelector(`#passage-${passage} .text`);
        const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
        const nodes = []; let whole = '';
        while (walker.nextNode()) { nodes.push([walker.currentNode, whole.length]); whole += walker.currentNode.textContent; }
        const start = whole.indexOf(words), end = start + words.length;
        const at = offset => { const [node, from] = nodes.filter(([, f]) => f <= offset).at(-1); return [node, offset - from]; };
        const range = document.createRange();
        range.setStart(...at(start)); range.setEnd(...at(end));
        getSelection().removeAllRanges(); getSelection().addRange(range);
    }",
            new object[] { passage, words }
        );
}
