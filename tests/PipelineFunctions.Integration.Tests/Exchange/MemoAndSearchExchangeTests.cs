using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PipelineFunctions.Core.Exchange;
using PipelineFunctions.Integration.Tests.Coders;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Exchange;

/// <summary>
/// Memos on words, on a code, on a passage and on a transcript, and a saved search, through a .qdpx into another
/// study and out again: each memo on the same words, the saved search the other study's own (on its transcript's
/// passages), and importing the export again adds no saved search.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class MemoAndSearchExchangeTests(PipelineFixture fixture)
{
    [Fact]
    public async Task Memos_on_words_and_a_saved_search_come_back_in_another_study_on_the_same_words_and_once()
    {
        var study = await fixture.CreateStudyAsync("memo-x");
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "memos.txt",
            Encoding.UTF8.GetBytes(CodersWorkspaceTests.Transcript),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var segments = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/transcripts/{id}/review"))![
            "segments"
        ]!
            .AsArray()
            .ToDictionary(s => (int)s!["segment"]!, s => (string)s!["text"]!);
        object On(int segment, string words, string text, string? code = null)
        {
            var start = segments[segment].IndexOf(words, StringComparison.Ordinal);
            Assert.True(start >= 0, words);
            return new
            {
                segment,
                text,
                code,
                start,
                end = start + words.Length,
            };
        }
        using (
            var saved = await coder.PutAsJsonAsync(
                $"/api/studies/{study}/transcripts/{id}/review/mine",
                new
                {
                    codings = Array.Empty<object>(),
                    memos = new[]
                    {
                        On(2, "backs me up", "Support is practical here."),
                        On(4, "exclude us", "Exclusion, not only stigma.", "staff-hostility"),
                        new
                        {
                            segment = (int?)6,
                            text = "Paperwork as a barrier.",
                            code = (string?)null,
                        },
                        new
                        {
                            segment = (int?)null,
                            text = "A short interview.",
                            code = (string?)null,
                        },
                    },
                }
            )
        )
            saved.EnsureSuccessStatusCode();
        using (var submitted = await coder.PostAsync($"/api/studies/{study}/transcripts/{id}/review/mine/submit", null))
            submitted.EnsureSuccessStatusCode();
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        using (
            var set = await lead.PostAsJsonAsync(
                $"/api/studies/{study}/search/sets",
                new { name = "Staff", query = "staff" }
            )
        )
            set.EnsureSuccessStatusCode();

        var first = await lead.GetByteArrayAsync($"/api/studies/{study}/export/qdpx");
        ExchangeApiTests.Validate(ExchangeApiTests.Entry(first, "project.qde"));
        var exported = QdpxReader.Read(first);
        Assert.Equal(Expected, Memos(exported));
        var search = Assert.Single(exported.Sets!, s => s.Name == "Staff");
        Assert.Equal(2, search.Passages!.Count);

        var other = await fixture.CreateStudyAsync("memo-x");
        JsonNode report;
        using (
            var imported = await lead.PostAsync(
                $"/api/studies/{other}/import/qdpx?site=kampala&language=en",
                new ByteArrayContent(first)
            )
        )
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            report = (await imported.Content.ReadFromJsonAsync<JsonNode>())!;
        }
        Assert.Equal("1 source(s) imported; 1 saved search(es) added.", (string?)report["summary"]);
        var copy = (string)report["sources"]![0]!["transcriptId"]!;
        await fixture.WaitForStatusAsync(other, copy, "SuggestionsReady");
        var sets = (await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{other}/search/sets"))!.AsArray();
        var back = Assert.Single(sets)!;
        Assert.Equal(("Staff", "staff"), ((string?)back["name"], (string?)back["query"]));
        Assert.Equal(
            [(copy, 3), (copy, 4)],
            back["passages"]!.AsArray().Select(p => ((string)p!["transcriptId"]!, (int)p["segment"]!)).Order()
        );

        // The export again: its source is in the study already, and so is its saved search.
        using (
            var again = await lead.PostAsync(
                $"/api/studies/{other}/import/qdpx?site=kampala&language=en",
                new ByteArrayContent(first)
            )
        )
            Assert.Equal(
                "Nothing was imported; 1 already in the study, not imported again.",
                (string?)(await again.Content.ReadFromJsonAsync<JsonNode>())!["summary"]
            );
        Assert.Single((await lead.GetFromJsonAsync<JsonNode>($"/api/studies/{other}/search/sets"))!.AsArray());

        var second = QdpxReader.Read(await lead.GetByteArrayAsync($"/api/studies/{other}/export/qdpx"));
        Assert.Equal(Expected, Memos(second));
        Assert.Equal(
            search.Passages.Select(p => exported.Sources[0].Passage(p.Start, p.End)),
            Assert
                .Single(second.Sets!, s => s.Name == "Staff")
                .Passages!.Select(p => second.Sources[0].Passage(p.Start, p.End))
        );
    }

    static readonly List<(string, string?, string?)> Expected =
    [
        ("A short interview.", null, null),
        ("Exclusion, not only stigma.", "Hostility from non-PSS staff", "exclude us"),
        ("Paperwork as a barrier.", null, "The procedures and the paperwork, I need three signatures for a walk."),
        ("Support is practical here.", null, "backs me up"),
    ];

    /// <summary>Each memo's text, code (by name: a file read alone names codes its own way) and the words it is on (none for a memo on the whole transcript).</summary>
    static List<(string, string?, string?)> Memos(QdaProject project) =>
        [
            .. project
                .Notes.Select(n =>
                    (
                        n.Text,
                        n.CodeId is { } code ? project.Codebook.Find(code)!.Name : null,
                        n.Start is { } s ? project.Source(n.SourceGuid!)!.Passage(s, n.End!.Value) : null
                    )
                )
                .Order(),
        ];
}
