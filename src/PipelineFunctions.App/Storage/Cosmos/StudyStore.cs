using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Storage.Cosmos;

public sealed class StudyStore(CosmosContainers cosmos)
{
    public Task<StudyDocument?> GetAsync(string studyId, CancellationToken ct) =>
        cosmos.Studies.ReadOrDefaultAsync<StudyDocument>(studyId, StudyDocument.PartitionValue, ct);

    /// <summary>Creates the study; false when one with that id exists already.</summary>
    public async Task<bool> CreateAsync(StudyDocument study, CancellationToken ct)
    {
        try
        {
            await cosmos.Studies.CreateItemAsync(study, new PartitionKey(StudyDocument.PartitionValue), cancellationToken: ct);
            return true;
        }
        catch (CosmosException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict) { return false; }
    }

    /// <summary>Makes <paramref name="codebook"/> the study's current version; earlier versions stay named in its history.</summary>
    public async Task<string> SetCodebookAsync(string studyId, Core.Codebooks.Codebook codebook, string by, DateTimeOffset at, CancellationToken ct,
        params PatchOperation[] more)
    {
        var version = codebook.Version();
        await cosmos.Studies.PatchItemAsync<StudyDocument>(studyId, new PartitionKey(StudyDocument.PartitionValue),
        [
            PatchOperation.Set("/codebook", codebook), PatchOperation.Set("/codebookVersion", version),
            PatchOperation.Add("/codebookHistory/-", new CodebookVersionEntry(version, at, by, codebook.Codes.Count)), .. more,
        ], cancellationToken: ct);
        return version;
    }

    public Task<List<StudyDocument>> ListAsync(CancellationToken ct) =>
        cosmos.Studies.QueryPartitionAsync<StudyDocument>(StudyDocument.PartitionValue);
}
