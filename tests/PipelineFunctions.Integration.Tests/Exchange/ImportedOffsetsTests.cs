using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PipelineFunctions.Core.Codebooks;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Exchange;

/// <summary>
/// A project from another tool counts its codings in the text as that tool had it, names and all; the coder sees the
/// pseudonymised text. Each imported coding and memo on words lands on the same words there, and one whose words held
/// a name is flagged for its coder to confirm.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ImportedOffsetsTests(PipelineFixture fixture)
{
    const string Text =
        "Interviewer: Who gets you to the clinic?\n"
        + "50031: My neighbour Sarah Nakato drives me to the clinic every week, and Sarah Nakato waits with me.\n";
    const string Code = "0b6e2d3c-3f7a-4c3e-9a51-5d2f8c1e7a10";
    const string Source = "7c1f0a52-9d3e-4b8a-a2f6-3e9b1d4c5a66";

    static (int, int) Span(string words) =>
        (Text.IndexOf(words, StringComparison.Ordinal), Text.IndexOf(words, StringComparison.Ordinal) + words.Length);

    static byte[] Project()
    {
        var (driveStart, driveEnd) = Span("drives me to the clinic");
        var (waitStart, waitEnd) = Span("Sarah Nakato waits");
        var (memoStart, memoEnd) = Span("every week");
        return QdpxWriter.Write(
            new QdaProject(
                "Transport",
                [new QdaUser("u1", "coder")],
                new Codebook("Transport", [new Code(Code, "Lifts to care", null, "Someone takes them to care.")]),
                [new QdaSource(Source, "transport interview", Text)],
                [
                    new QdaCoding(Source, driveStart, driveEnd, Code, "u1"),
                    new QdaCoding(Source, waitStart, waitEnd, Code, "u1"),
                ],
                [new QdaNote("Regular, not ad hoc.", "u1", Source, memoStart, memoEnd)]
            ),
            "Another tool"
        );
    }

    [Fact]
    public async Task An_imported_coding_after_a_name_covers_the_same_pseudonymised_words_and_one_on_the_name_is_flagged()
    {
        var study = await fixture.CreateStudyAsync("imported-offsets");
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        JsonNode report;
        using (
            var imported = await lead.PostAsync(
                $"/api/studies/{study}/import/qdpx?site=kampala&language=en",
                new ByteArrayContent(Project())
            )
        )
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            report = (await imported.Content.ReadFromJsonAsync<JsonNode>())!;
        }
        var source = report["sources"]!.AsArray().Single()!;
        Assert.Equal(("Accepted", 2), ((string?)source["outcome"], (int)source["codings"]!));
        var id = (string)source["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");

        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var view = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{id}/review"))!;
        var passages = view["segments"]!.AsArray().ToDictionary(s => (int)s!["segment"]!, s => (string)s!["text"]!);
        Assert.DoesNotContain(passages.Values, p => p.Contains("Nakato"));
        string Covered(JsonNode span) => passages[(int)span["segment"]!][(int)span["start"]!..(int)span["end"]!];
        var codings = view["mine"]!["codings"]!.AsArray().Select(c => c!).ToList();
        var drive = Assert.Single(codings, c => (bool?)c["confirm"] != true);
        Assert.Equal("drives me to the clinic", Covered(drive));
        var named = Assert.Single(codings, c => (bool?)c["confirm"] == true);
        Assert.Matches(@"^\S.* waits$", Covered(named));
        Assert.DoesNotContain("Sarah", Covered(named));
        var memo = Assert.Single(view["mine"]!["memos"]!.AsArray())!;
        Assert.Equal("every week", Covered(memo));
    }
}
