using Microsoft.Azure.Cosmos;
using Newtonsoft.Json.Linq;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.Storage;

/// <summary>A transcript's suggestions kept in pages on the real cosmosdb-server: few writes, nothing lost or left over.</summary>
[Collection(PipelineCollection.Name)]
public sealed class SuggestionPagesTests(PipelineFixture fixture)
{
    [Fact]
    public async Task Hundreds_of_suggestions_are_kept_in_a_few_pages_read_back_whole_and_replaced_without_leftovers()
    {
        var transcript = $"pages-{Guid.NewGuid():N}";
        var review = new ReviewStore(fixture.Cosmos);
        // One written the way suggestions were kept before pages: read with the rest, removed by the next replace.
        await fixture.Cosmos.Suggestions.UpsertItemAsync(
            Suggestion(transcript, 999, "older"),
            new PartitionKey(transcript)
        );
        var many = Enumerable.Range(0, 450).Select(i => Suggestion(transcript, i / 3, $"code-{i % 3}")).ToList();

        Assert.Equal("older", Assert.Single(await review.SuggestionsAsync(transcript, default)).CodeId);
        await review.ReplaceSuggestionsAsync(transcript, many, default);

        Assert.Equal(3, (await DocumentsAsync(transcript)).Count);
        var read = await review.SuggestionsAsync(transcript, default);
        Assert.Equal(many.Select(s => s.Id).Order(), read.Select(s => s.Id).Order());
        Assert.All(read, s => Assert.Equal(["because"], s.Evidence));

        await review.ReplaceSuggestionsAsync(transcript, many.Take(10).ToList(), default);
        Assert.Equal([SuggestionPage.IdOf(transcript, 0)], await DocumentsAsync(transcript));
        Assert.Equal(10, (await review.SuggestionsAsync(transcript, default)).Count);

        await review.ReplaceSuggestionsAsync(transcript, [], default);
        Assert.Empty(await DocumentsAsync(transcript));
    }

    async Task<List<string>> DocumentsAsync(string transcript)
    {
        var ids = new List<string>();
        using var feed = fixture.Cosmos.Suggestions.GetItemQueryIterator<JObject>(
            new QueryDefinition("SELECT c.id FROM c WHERE c.transcriptId = @t").WithParameter("@t", transcript),
            requestOptions: new QueryRequestOptions { PartitionKey = new PartitionKey(transcript) }
        );
        while (feed.HasMoreResults)
            ids.AddRange((await feed.ReadNextAsync()).Select(d => (string)d["id"]!));
        return ids;
    }

    static SuggestionDocument Suggestion(string transcript, int segment, string code) =>
        new()
        {
            Id = $"{transcript}:{segment}:{code}",
            TranscriptId = transcript,
            StudyId = "pages-study",
            Segment = segment,
            CodeId = code,
            CodeName = code,
            Confidence = 0.5,
            Evidence = ["because"],
        };
}
