using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>
/// What the codebook misses: participants at two sites talk about football, which no code of the barriers and
/// facilitators codebook fits; the codes page shows the study lead that group as a candidate new code, and the lead
/// proposes it (renamed) with the mouse and finds it, with its quotes as examples, among the proposals to approve.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class CandidateCodesPageTests(PipelineFixture fixture)
{
    static readonly string[] Kampala =
    [
        "On Saturdays I watch football with my brothers, we support Arsenal and shout at the television.",
        "My son plays football in the school team, he scored two goals in the match last week.",
        "We played football on the dusty pitch near the market until it was dark.",
        "The football league final was on the radio and the whole village listened to the match.",
    ];

    static readonly string[] Dar =
    [
        "I coach the boys' football team on Sunday afternoons, we train on the field by the church.",
        "Football is my passion, I never miss a match of the national team.",
    ];

    static string Interview(IEnumerable<string> turns) =>
        string.Concat(turns.Select((t, i) => $"Interviewer: Tell me more ({i + 1})?\n#9 (PSW): {t}\n"));

    [Fact]
    public async Task The_lead_proposes_a_candidate_new_code_from_the_codes_page_and_finds_it_among_the_proposals()
    {
        var study = await fixture.CreateStudyAsync();
        await fixture.UploadReadyAsync(study, "kampala.txt", Interview(Kampala));
        var (_, dar) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "dar.txt",
            System.Text.Encoding.UTF8.GetBytes(Interview(Dar)),
            PipelineFixture.DarKey
        );
        await fixture.WaitForStatusAsync(study, (string)dar!["transcriptId"]!, "SuggestionsReady");

        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/codes.html?study={study}",
            PipelineFixture.LeadKey
        );
        var candidate = page.Locator("#candidates > li").Filter(new() { HasText = "football" }).First;
        await Assertions.Expect(candidate).ToBeVisibleAsync();
        // Its label is its most telling words: in a study that talks of nothing else, not "football" itself.
        await Assertions
            .Expect(candidate.Locator("h3"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z][a-z]+(, [a-z]+){0,2}$"));
        await Assertions.Expect(candidate.Locator("blockquote")).ToHaveCountAsync(3);
        await Assertions.Expect(candidate).ToContainTextAsync("Kampala");
        await Assertions.Expect(candidate).ToContainTextAsync("Dar es Salaam");
        // The interviewer's questions are context, never a candidate's passage.
        await Assertions.Expect(page.Locator("#candidates")).Not.ToContainTextAsync("Tell me more");
        await PageChecks.AssertAccessibleAsync(page);
        await candidate.ScrollIntoViewIfNeededAsync();
        await PageChecks.ScreenshotAsync(page, "candidate-codes");

        await candidate.GetByRole(AriaRole.Button, new() { Name = "Propose as a code" }).ClickAsync();
        var name = candidate.GetByLabel("Name");
        await Assertions.Expect(name).ToBeFocusedAsync();
        await Assertions
            .Expect(candidate.GetByLabel("Definition"))
            .ToHaveValueAsync(
                new System.Text.RegularExpressions.Regex("^Participants speak of .+: drafted from [3-6] passages")
            );
        await PageChecks.AssertAccessibleAsync(page);
        await name.FillAsync("Football and sport");
        await candidate.GetByRole(AriaRole.Button, new() { Name = "Send proposal" }).ClickAsync();
        await Assertions.Expect(page.Locator("#proposed")).ToHaveTextAsync("'Football and sport' proposed.");

        await candidate.GetByRole(AriaRole.Link, new() { Name = "See it among the proposals" }).ClickAsync();
        var row = page.Locator("#proposals tbody tr").Filter(new() { HasText = "Football and sport" });
        await Assertions.Expect(row).ToContainTextAsync("proposed");
        await Assertions
            .Expect(row.GetByRole(AriaRole.List, new() { Name = "Examples of Football and sport" }).Locator("li"))
            .ToHaveCountAsync(3);
        await Assertions
            .Expect(row.GetByRole(AriaRole.Button, new() { Name = "Approve Football and sport" }))
            .ToBeVisibleAsync();
        await PageChecks.AssertAccessibleAsync(page);

        using var lead = fixture.Client(PipelineFixture.LeadKey);
        var proposals = (await lead.GetFromJsonAsync<JsonArray>($"/api/studies/{study}/codebook/proposals"))!;
        var proposal = proposals.Single(p => (string?)p!["name"] == "Football and sport")!;
        // The examples are the passages' pseudonymised text, as the quotes showed them.
        Assert.All(proposal["examples"]!.AsArray(), e => Assert.Contains("ootball", (string)e!));

        // Approved, the code keeps the quotes as its examples.
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve Football and sport" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("approved");
        var codebook = (await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/codebook"))!;
        var code = codebook["codes"]!.AsArray().Single(c => (string?)c!["name"] == "Football and sport")!;
        Assert.Equal(3, code["examples"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_coder_sees_no_candidates_on_the_codes_page()
    {
        var study = await fixture.CreateStudyAsync();
        await fixture.UploadReadyAsync(study, "kampala.txt", Interview(Kampala));
        await using var browser = await Browser.LaunchAsync();
        var page = await PageChecks.OpenAsync(
            browser,
            fixture.App.BaseAddress,
            $"/app/coders/codes.html?study={study}",
            PipelineFixture.CoderKey
        );
        await Assertions.Expect(page.Locator("#tree button").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#candidates-section")).ToBeHiddenAsync();
    }
}
