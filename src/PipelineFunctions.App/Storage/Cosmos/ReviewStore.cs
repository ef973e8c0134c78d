using Microsoft.Azure.Cosmos;
using Newtonsoft.Json.Linq;
using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Storage.Cosmos;

/// <summary>What coders review: a transcript's pseudonymised segments and the suggestions on them.</summary>
public sealed class ReviewStore(CosmosContainers cosmos)
{
    public Task<List<SegmentDocument>> SegmentsAsync(string transcriptId, CancellationToken ct) =>
        cosmos.Segments.QueryPartitionAsync<SegmentDocument>(transcriptId, ct);

    /// <summary>A transcript's suggestions, from its pages (and from one-per-suggestion documents written before them).</summary>
    public async Task<List<SuggestionDocument>> SuggestionsAsync(string transcriptId, CancellationToken ct) =>
        (await cosmos.Suggestions.QueryPartitionAsync<JObject>(transcriptId, ct))
            .SelectMany(d =>
                d["suggestions"] is JArray page
                    ? page.ToObject<List<SuggestionDocument>>()!
                    : [d.ToObject<SuggestionDocument>()!]
            )
            .ToList();

    /// <summary>Makes the stored segments exactly these: upserts by deterministic id, deletes any left over.</summary>
    public Task ReplaceSegmentsAsync(
        string transcriptId,
        IReadOnlyList<SegmentDocument> segments,
        CancellationToken ct
    ) => ReplaceAllAsync(cosmos.Segments, transcriptId, segments, s => s.Id, ct);

    public Task ReplaceSuggestionsAsync(
        string transcriptId,
        IReadOnlyList<SuggestionDocument> suggestions,
        CancellationToken ct
    ) =>
        ReplaceAllAsync(
            cosmos.Suggestions,
            transcriptId,
            SuggestionPage.Of(transcriptId, suggestions.FirstOrDefault()?.StudyId ?? "", suggestions),
            p => p.Id,
            ct
        );

    static async Task ReplaceAllAsync<T>(
        Container container,
        string transcriptId,
        IReadOnlyList<T> items,
        Func<T, string> id,
        CancellationToken ct
    )
    {
        var partition = new PartitionKey(transcriptId);
        var existing = await container.QueryPartitionAsync<IdOnly>(transcriptId, ct, "c.id");
        var keep = items.Select(id).ToHashSet(StringComparer.Ordinal);
        // Transactional batch is not served by the local server, so each document is its own write, several at once (segments of
        // an hour-long interview are hundreds); deterministic ids make a replay harmless.
        var writes = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct };
        await Parallel.ForEachAsync(
            items,
            writes,
            async (item, token) =>
                await container.UpsertItemAsync(
                    item,
                    partition,
                    new ItemRequestOptions { EnableContentResponseOnWrite = false },
                    token
                )
        );
        await Parallel.ForEachAsync(
            existing.Where(e => !keep.Contains(e.Id)),
            writes,
            async (stale, token) =>
                await container.DeleteItemAsync<object>(stale.Id, partition, cancellationToken: token)
        );
    }

    sealed class IdOnly
    {
        [Newtonsoft.Json.JsonProperty("id")]
        public string Id { get; set; } = "";
    }
}
