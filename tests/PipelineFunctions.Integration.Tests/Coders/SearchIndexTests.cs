using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Coders;

/// <summary>The search index a transcript's pseudonymisation writes, and search on transcripts pseudonymised before it existed.</summary>
[Collection(PipelineCollection.Name)]
public sealed class SearchIndexTests(PipelineFixture fixture)
{
    [Fact]
    public async Task A_transcript_missing_from_the_search_index_is_still_found_and_indexed_on_the_first_search()
    {
        var study = await fixture.CreateStudyAsync();
        var (_, body) = await fixture.UploadAsync(
            study,
            "kampala",
            "older.txt",
            Encoding.UTF8.GetBytes("Interviewer: How was the ward?\n50030: The ward felt calm after the handover.\n"),
            PipelineFixture.KampalaKey
        );
        var id = (string)body!["transcriptId"]!;
        await fixture.WaitForStatusAsync(study, id, "SuggestionsReady");
        var index = new SearchIndexStore(fixture.Cosmos);
        var written = Assert.Single(await index.ListAsync(study, null, null, default));
        Assert.Equal(id, written.TranscriptId);
        Assert.Equal(2, written.Passages.Count);
        // As a transcript pseudonymised before the index existed: its segments only.
        await fixture.Cosmos.SearchIndex.DeleteItemAsync<object>(written.Id, new PartitionKey(study));

        using var coder = fixture.Client(PipelineFixture.CoderKey);
        var found = (await coder.GetFromJsonAsync<JsonNode>($"/api/studies/{study}/search?q=handover"))!;
        Assert.Equal(1, (int)found["total"]!);
        Assert.Equal(2, (int)found["hits"]![0]!["segment"]!);
        Assert.Equal(
            written.PseudonymVersion,
            Assert.Single(await index.ListAsync(study, null, null, default)).PseudonymVersion
        );
    }
}
