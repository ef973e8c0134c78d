using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Storage.Cosmos;

/// <summary>
/// The study's search documents: one query reads every transcript's pseudonymised passages, where reading each
/// transcript's segments would be a query per transcript.
/// </summary>
public sealed class SearchIndexStore(CosmosContainers cosmos)
{
    /// <summary>A study's search documents, of one site or language when given.</summary>
    public Task<List<SearchDocument>> ListAsync(string studyId, string? siteId, string? language, CancellationToken ct)
    {
        var filters = new List<string>();
        if (!string.IsNullOrEmpty(siteId))
            filters.Add("c.siteId = @site");
        if (!string.IsNullOrEmpty(language))
            filters.Add("c.language = @language");
        return cosmos.SearchIndex.QueryPartitionAsync<SearchDocument>(
            studyId,
            ct,
            "*",
            filters.Count == 0 ? null : string.Join(" AND ", filters),
            ("@site", siteId ?? ""),
            ("@language", language ?? "")
        );
    }

    /// <summary>
    /// Makes the transcript's search documents these segments (one pseudonymised version): its parts are overwritten by
    /// id and parts a longer earlier version left are deleted, so an old version never shows in search.
    /// </summary>
    public async Task WriteAsync(
        TranscriptDocument transcript,
        IReadOnlyList<SegmentDocument> segments,
        int version,
        CancellationToken ct
    )
    {
        var parts = SearchDocument.For(transcript, segments, version);
        var partition = new PartitionKey(transcript.StudyId);
        var options = new ItemRequestOptions { EnableContentResponseOnWrite = false };
        foreach (var part in parts)
            await cosmos.SearchIndex.UpsertItemAsync(part, partition, options, ct);
        var stale = await cosmos.SearchIndex.QueryPartitionAsync<SearchDocument>(
            transcript.StudyId,
            ct,
            "c.id, c.part",
            "c.transcriptId = @transcript AND c.part >= @parts",
            ("@transcript", transcript.Id),
            ("@parts", parts.Count)
        );
        foreach (var part in stale)
            await cosmos.SearchIndex.DeleteItemAsync<object>(part.Id, partition, cancellationToken: ct);
    }
}
