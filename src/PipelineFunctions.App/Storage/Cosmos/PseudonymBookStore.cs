using System.Net;
using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Pseudonymisation;

namespace PipelineFunctions.App.Storage.Cosmos;

/// <summary>Loads and saves a study's pseudonym numbering with ETag concurrency, so two transcripts never take one number.</summary>
public sealed class PseudonymBookStore(CosmosContainers cosmos)
{
    public async Task<(PseudonymBook Book, string? ETag)> LoadAsync(string studyId, CancellationToken ct)
    {
        var doc = await cosmos.ReadAsync<PseudonymBookDocument>(cosmos.PseudonymBooks, studyId, studyId, ct);
        return (new PseudonymBook(doc?.Numbers), doc?.ETag);
    }

    /// <summary>Saves the book if nobody else changed it since it was loaded; false means load again and redo.</summary>
    public async Task<bool> TrySaveAsync(string studyId, PseudonymBook book, string? etag, CancellationToken ct)
    {
        var doc = new PseudonymBookDocument
        {
            Id = studyId,
            StudyId = studyId,
            Numbers = book.Numbers.ToDictionary(),
        };
        try
        {
            if (etag is null)
                await cosmos.PseudonymBooks.CreateItemAsync(doc, new PartitionKey(studyId), cancellationToken: ct);
            else
                await cosmos.PseudonymBooks.ReplaceItemAsync(
                    doc,
                    studyId,
                    new PartitionKey(studyId),
                    new ItemRequestOptions { IfMatchEtag = etag },
                    ct
                );
            return true;
        }
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.Conflict)
        {
            return false;
        }
    }
}
