using System.Net;
using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Storage.Cosmos;

public sealed class CodingStore(CosmosContainers cosmos)
{
    public Task<CoderWorkDocument?> GetAsync(string transcriptId, string coder, CancellationToken ct) =>
        cosmos.ReadAsync<CoderWorkDocument>(
            cosmos.Codings,
            CoderWorkDocument.IdFor(transcriptId, coder),
            transcriptId,
            ct
        );

    public Task<List<CoderWorkDocument>> ListAsync(string transcriptId, CancellationToken ct) =>
        cosmos.Codings.QueryPartitionAsync<CoderWorkDocument>(transcriptId, ct);

    /// <summary>Saves if the document is as the caller last read it (no ETag: it must not exist yet); null means it was changed meanwhile.</summary>
    public async Task<string?> TrySaveAsync(CoderWorkDocument work, string? etag, CancellationToken ct)
    {
        try
        {
            var response = etag is null
                ? await cosmos.Codings.CreateItemAsync(work, new PartitionKey(work.TranscriptId), cancellationToken: ct)
                : await cosmos.Codings.ReplaceItemAsync(
                    work,
                    work.Id,
                    new PartitionKey(work.TranscriptId),
                    new ItemRequestOptions { IfMatchEtag = etag },
                    ct
                );
            return response.ETag;
        }
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict)
        {
            return null;
        }
    }
}
