using System.Net;
using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Storage.Cosmos;

public sealed class TranslationCheckStore(CosmosContainers cosmos)
{
    public Task<TranslationCheckDocument?> GetAsync(string studyId, string translationId, CancellationToken ct) =>
        cosmos.ReadAsync<TranslationCheckDocument>(cosmos.TranslationChecks, translationId, studyId, ct);

    public Task<List<TranslationCheckDocument>> ListAsync(
        string studyId,
        TranslationReview review,
        CancellationToken ct
    ) =>
        cosmos.TranslationChecks.QueryPartitionAsync<TranslationCheckDocument>(
            studyId,
            ct,
            "*",
            "c.review = @review",
            ("@review", review.ToString())
        );

    /// <summary>Checks a lead still has to act on: pending, or queried back to the site.</summary>
    public Task<List<TranslationCheckDocument>> OpenAsync(string studyId, CancellationToken ct) =>
        cosmos.TranslationChecks.QueryPartitionAsync<TranslationCheckDocument>(
            studyId,
            ct,
            "*",
            "c.review = @pending OR c.review = @queried",
            ("@pending", TranslationReview.Pending.ToString()),
            ("@queried", TranslationReview.Queried.ToString())
        );

    public async Task UpsertAsync(TranslationCheckDocument check, CancellationToken ct) =>
        await cosmos.TranslationChecks.UpsertItemAsync(check, new PartitionKey(check.StudyId), cancellationToken: ct);

    /// <summary>Saves a new check; false when one with that id was saved meanwhile.</summary>
    public async Task<bool> TryCreateAsync(TranslationCheckDocument check, CancellationToken ct)
    {
        try
        {
            await cosmos.TranslationChecks.CreateItemAsync(
                check,
                new PartitionKey(check.StudyId),
                cancellationToken: ct
            );
            return true;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    /// <summary>Saves a change made on a document read earlier; false when someone else changed it in between.</summary>
    public async Task<bool> TryReplaceAsync(TranslationCheckDocument check, CancellationToken ct)
    {
        try
        {
            await cosmos.TranslationChecks.ReplaceItemAsync(
                check,
                check.Id,
                new PartitionKey(check.StudyId),
                new ItemRequestOptions { IfMatchEtag = check.ETag },
                ct
            );
            return true;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }
}
