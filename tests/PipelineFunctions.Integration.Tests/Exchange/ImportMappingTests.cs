using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PipelineFunctions.Core.Tests.Exchange;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Exchange;

/// <summary>
/// The import's mapping step through the API: an export of a two-site study (Kampala in English, Dar es Salaam in
/// Kiswahili) imports each source to its own site and language, the dry run says so first and writes nothing, and
/// importing the export again creates nothing and says so.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ImportMappingTests(PipelineFixture fixture)
{
    [Fact]
    public async Task A_two_site_export_imports_each_source_to_its_site_and_language_and_again_creates_nothing()
    {
        var study = await fixture.CreateStudyAsync("map");
        var (_, kampala) = await fixture.UploadAsync(
            study,
            "kampala",
            "k.txt",
            PipelineFixture.Sample("uploads/dar-interview-50007_2.txt"),
            PipelineFixture.KampalaKey
        );
        var (_, dar) = await fixture.UploadAsync(
            study,
            "dar-es-salaam",
            "d.sw.txt",
            PipelineFixture.Sample("uploads/dar-interview-50010.sw.txt"),
            PipelineFixture.DarKey,
            language: "sw"
        );
        await fixture.WaitForStatusAsync(study, (string)kampala!["transcriptId"]!, "SuggestionsReady");
        // A Kiswahili original waits for its translation; it is pseudonymised, so it exports.
        await fixture.WaitForStatusAsync(
            study,
            (string)dar!["transcriptId"]!,
            "AwaitingTranslationCheck",
            "SuggestionsReady"
        );
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        var export = await lead.GetByteArrayAsync($"/api/studies/{study}/export/qdpx");

        var other = await fixture.CreateStudyAsync("map");
        using (
            var dry = await lead.PostAsync(
                $"/api/studies/{other}/import/qdpx?dryRun=true",
                new ByteArrayContent(export)
            )
        )
        {
            Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
            var plan = (await dry.Content.ReadFromJsonAsync<JsonNode>())!;
            Assert.Equal("2 source(s) would be imported.", (string?)plan["summary"]);
            Assert.Equal(
                [("kampala", "File", "en", "File"), ("dar-es-salaam", "File", "sw", "File")],
                plan["sources"]!
                    .AsArray()
                    .Select(s =>
                        (
                            (string?)s!["site"],
                            (string?)s["siteFrom"],
                            (string?)s["language"],
                            (string?)s["languageFrom"]
                        )
                    )
                    .OrderBy(s => s.Item1 == "dar-es-salaam")
            );
        }
        Assert.Empty(await fixture.Transcripts.ListAsync(other, default));

        // No site or language given: the file's own place each source.
        using (var imported = await lead.PostAsync($"/api/studies/{other}/import/qdpx", new ByteArrayContent(export)))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            var report = (await imported.Content.ReadFromJsonAsync<JsonNode>())!;
            Assert.Equal("2 source(s) imported.", (string?)report["summary"]);
            Assert.All(report["sources"]!.AsArray(), s => Assert.Equal("Accepted", (string?)s!["outcome"]));
        }
        var transcripts = await fixture.Transcripts.ListAsync(other, default);
        Assert.Equal(
            [("dar-es-salaam", "sw"), ("kampala", "en")],
            transcripts.Select(t => (t.SiteId, t.Language)).Order()
        );

        // The export again, into the study it came from and into the one it went to: nothing new, and the answer says so.
        foreach (var target in new[] { study, other })
        {
            var before = (await fixture.Transcripts.ListAsync(target, default)).Count;
            using var dry = await lead.PostAsync(
                $"/api/studies/{target}/import/qdpx?dryRun=true",
                new ByteArrayContent(export)
            );
            Assert.Equal(
                "Nothing would be imported: all 2 source(s) with text are already in the study.",
                (string?)(await dry.Content.ReadFromJsonAsync<JsonNode>())!["summary"]
            );
            using var again = await lead.PostAsync(
                $"/api/studies/{target}/import/qdpx?site=kampala&language=en",
                new ByteArrayContent(export)
            );
            var report = (await again.Content.ReadFromJsonAsync<JsonNode>())!;
            Assert.Equal(
                "Nothing was imported; 2 already in the study, not imported again.",
                (string?)report["summary"]
            );
            Assert.All(
                report["sources"]!.AsArray(),
                s =>
                    Assert.Equal(
                        ("AlreadyInStudy", "The study already holds this text; it was not imported again."),
                        ((string?)s!["outcome"], (string?)s["message"])
                    )
            );
            Assert.Equal(before, (await fixture.Transcripts.ListAsync(target, default)).Count);
        }
    }

    static MultipartFormDataContent Form(byte[] qdpx, string? mapping)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(qdpx), "file", "project.qdpx" } };
        if (mapping is not null)
            form.Add(new StringContent(mapping), "mapping");
        return form;
    }

    [Fact]
    public async Task Each_source_goes_where_the_mapping_says_one_left_out_is_reported_and_a_wrong_choice_writes_nothing()
    {
        var study = await fixture.CreateStudyAsync("map");
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        // Neither source has a site or a language in the file.
        var qdpx = ForeignProjects.Build(
            i => $"internal://{ForeignProjects.Guids[i]}.txt",
            i => $"sources/{ForeignProjects.Guids[i]}.txt"
        );
        var (first, second) = (ForeignProjects.Guids[0], ForeignProjects.Guids[1]);

        using (
            var wrong = await lead.PostAsync(
                $"/api/studies/{study}/import/qdpx",
                Form(
                    qdpx,
                    $$$"""{"{{{first}}}": {"site": "kampala", "language": "en"}, "{{{second}}}": {"site": "nairobi"}}"""
                )
            )
        )
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            var body = (await wrong.Content.ReadFromJsonAsync<JsonNode>())!;
            Assert.Equal(
                "Source 2: this study has no site 'nairobi'. Choose one of its sites: Kampala, Dar es Salaam. "
                    + "Nothing was imported.",
                (string?)body["detail"]
            );
            Assert.Equal(2, (int?)body["errors"]![0]!["number"]);
        }
        using (var unreadable = await lead.PostAsync($"/api/studies/{study}/import/qdpx", Form(qdpx, "kampala, en")))
            Assert.StartsWith(
                "The mapping could not be read.",
                (string?)(await unreadable.Content.ReadFromJsonAsync<JsonNode>())!["detail"]
            );
        Assert.Empty(await fixture.Transcripts.ListAsync(study, default));

        // Only the first mapped: the second is reported, not given the study's first language or any site.
        using (
            var imported = await lead.PostAsync(
                $"/api/studies/{study}/import/qdpx",
                Form(qdpx, $$$"""{"{{{first.ToLowerInvariant()}}}": {"site": "kampala", "language": "en"}}""")
            )
        )
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            var report = (await imported.Content.ReadFromJsonAsync<JsonNode>())!;
            Assert.Equal(
                "1 source(s) imported; 1 wait for a site or language to be chosen, not imported.",
                (string?)report["summary"]
            );
            var sources = report["sources"]!.AsArray();
            Assert.Equal(("Accepted", "kampala", "en"), Outcome(sources[0]!));
            Assert.Equal(("AwaitingChoice", null, null), Outcome(sources[1]!));
            Assert.Equal(
                "Neither the file nor the import said which site this source comes from or which language it is in; "
                    + "it was not imported. Choose on the import page and import the file again.",
                (string?)sources[1]!["message"]
            );
            await fixture.WaitForStatusAsync(study, (string)sources[0]!["transcriptId"]!, "SuggestionsReady");
        }

        // The rest, its mapping in the query beside a bare body: the first is already in the study and stays single.
        var mapping = Uri.EscapeDataString($$$"""{"{{{second}}}": {"site": "Dar es Salaam", "language": "sw"}}""");
        using (
            var rest = await lead.PostAsync(
                $"/api/studies/{study}/import/qdpx?mapping={mapping}",
                new ByteArrayContent(qdpx)
            )
        )
        {
            var sources = (await rest.Content.ReadFromJsonAsync<JsonNode>())!["sources"]!.AsArray();
            Assert.Equal(("AlreadyInStudy", null, null), Outcome(sources[0]!));
            Assert.Equal(("Accepted", "dar-es-salaam", "sw"), Outcome(sources[1]!));
        }
        Assert.Equal(
            [("dar-es-salaam", "sw"), ("kampala", "en")],
            (await fixture.Transcripts.ListAsync(study, default)).Select(t => (t.SiteId, t.Language)).Order()
        );
    }

    static (string?, string?, string?) Outcome(JsonNode source) =>
        ((string?)source["outcome"], (string?)source["site"], (string?)source["language"]);

    [Fact]
    public async Task An_empty_file_and_an_unknown_site_are_refused_in_the_user_s_words()
    {
        var study = await fixture.CreateStudyAsync("map");
        using var lead = fixture.Client(PipelineFixture.LeadKey);
        using var empty = await lead.PostAsync($"/api/studies/{study}/import/qdpx", new ByteArrayContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.StartsWith(
            "The file was empty. Choose a REFI-QDA project (.qdpx)",
            (string?)(await empty.Content.ReadFromJsonAsync<JsonNode>())!["detail"]
        );
        using var site = await lead.PostAsync(
            $"/api/studies/{study}/import/qdpx?site=nairobi",
            new ByteArrayContent([1])
        );
        Assert.Equal(
            "This study has no site 'nairobi'. Choose one of its sites for the sources the file does not place.",
            (string?)(await site.Content.ReadFromJsonAsync<JsonNode>())!["detail"]
        );
    }
}
