using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Storage.Cosmos;

public sealed class StudyStore(CosmosContainers cosmos)
{
    public Task<StudyDocument?> GetAsync(string studyId, CancellationToken ct) =>
        cosmos.ReadAsync<StudyDocument>(cosmos.Studies, studyId, StudyDocument.PartitionValue, ct);

    /// <summary>Creates the study; false when one with that id exists already.</summary>
    public async Task<bool> CreateAsync(StudyDocument study, CancellationToken ct)
    {
        try
        {
            await cosmos.Studies.CreateItemAsync(
                study,
                new PartitionKey(StudyDocument.PartitionValue),
                cancellationToken: ct
            );
            return true;
        }
        catch (CosmosException e) when (e.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    /// <summary>Makes <paramref name="codebook"/> the study's current version; earlier versions stay named in its history.</summary>
    public async Task<string> SetCodebookAsync(
        string studyId,
        Core.Codebooks.Codebook codebook,
        string by,
        DateTimeOffset at,
        CancellationToken ct
    ) => await SetCodebookAsync(studyId, codebook, by, at, ct, []);

    async Task<string> SetCodebookAsync(
        string studyId,
        Core.Codebooks.Codebook codebook,
        string by,
        DateTimeOffset at,
        CancellationToken ct,
        params PatchOperation[] more
    )
    {
        // Every code gets its colour when it is stored, so pages never colour codes by their position.
        codebook = Core.Codebooks.CodeColours.Fill(codebook);
        var version = codebook.Version();
        await cosmos.Studies.PatchItemAsync<StudyDocument>(
            studyId,
            new PartitionKey(StudyDocument.PartitionValue),
            [
                PatchOperation.Set("/codebook", codebook),
                PatchOperation.Set("/codebookVersion", version),
                PatchOperation.Add(
                    "/codebookHistory/-",
                    new CodebookVersionEntry(version, at, by, codebook.Codes.Count)
                ),
                .. more,
            ],
            cancellationToken: ct
        );
        return version;
    }

    /// <summary>Two codes merged: the codebook without the merged one as a new version, and the merge remembered for older suggestions.</summary>
    /// <param name="merges">The study's merges with this one added (written whole: older studies have none).</param>
    public Task<string> MergeCodesAsync(
        string studyId,
        Core.Codebooks.Codebook codebook,
        Dictionary<string, string> merges,
        string by,
        DateTimeOffset at,
        CancellationToken ct
    ) => SetCodebookAsync(studyId, codebook, by, at, ct, PatchOperation.Set("/codeMerges", merges));

    /// <summary>A word the site or custodian says is not an identifier: it joins the allow list.</summary>
    public async Task AllowAsync(string studyId, string word, CancellationToken ct) =>
        await cosmos.Studies.PatchItemAsync<StudyDocument>(
            studyId,
            new PartitionKey(StudyDocument.PartitionValue),
            [PatchOperation.Add("/allowList/-", word)],
            cancellationToken: ct
        );

    /// <summary>An inductive code proposed while coding; it waits for the study lead.</summary>
    public async Task ProposeCodeAsync(string studyId, CodeProposal proposal, CancellationToken ct) =>
        await cosmos.Studies.PatchItemAsync<StudyDocument>(
            studyId,
            new PartitionKey(StudyDocument.PartitionValue),
            [PatchOperation.Add("/codeProposals/-", proposal)],
            cancellationToken: ct
        );

    /// <summary>Makes an approved proposal a code of a new codebook version.</summary>
    public Task<string> ApproveCodeAsync(
        string studyId,
        Core.Codebooks.Codebook codebook,
        int proposalIndex,
        CodeProposal approved,
        string by,
        DateTimeOffset at,
        CancellationToken ct
    ) =>
        SetCodebookAsync(
            studyId,
            codebook,
            by,
            at,
            ct,
            PatchOperation.Set($"/codeProposals/{proposalIndex}", approved)
        );

    /// <summary>The settings the study lead edits on the set-up page, written whole (the codebook and roster have their own writes).</summary>
    public async Task SetSettingsAsync(StudyDocument study, CancellationToken ct) =>
        await cosmos.Studies.PatchItemAsync<StudyDocument>(
            study.Id,
            new PartitionKey(StudyDocument.PartitionValue),
            [
                PatchOperation.Set("/name", study.Name),
                PatchOperation.Set("/sites", study.Sites),
                PatchOperation.Set("/languages", study.Languages),
                PatchOperation.Set("/allowList", study.AllowList),
                PatchOperation.Set("/placeholderStyle", study.PlaceholderStyle.ToString()),
                PatchOperation.Set("/allowCloudLanguage", study.AllowCloudLanguage),
                PatchOperation.Set("/doubleCodeFirst", study.DoubleCodeFirst),
                PatchOperation.Set("/doubleCodeTranscripts", study.DoubleCodeTranscripts),
                PatchOperation.Set("/siteCheck", study.SiteCheck),
            ],
            cancellationToken: ct
        );

    /// <summary>Who codes what and which transcripts are double coded, written whole (the set-up page sends the plan whole).</summary>
    public async Task SetCodingPlanAsync(StudyDocument study, CancellationToken ct) =>
        await cosmos.Studies.PatchItemAsync<StudyDocument>(
            study.Id,
            new PartitionKey(StudyDocument.PartitionValue),
            [
                PatchOperation.Set("/siteCoders", study.SiteCoders),
                PatchOperation.Set("/transcriptCoders", study.TranscriptCoders),
                PatchOperation.Set("/doubleCodeTranscripts", study.DoubleCodeTranscripts),
            ],
            cancellationToken: ct
        );

    /// <summary>A proposal the study lead declined: it stays listed, as declined.</summary>
    public async Task SetProposalAsync(
        string studyId,
        int proposalIndex,
        CodeProposal proposal,
        CancellationToken ct
    ) =>
        await cosmos.Studies.PatchItemAsync<StudyDocument>(
            studyId,
            new PartitionKey(StudyDocument.PartitionValue),
            [PatchOperation.Set($"/codeProposals/{proposalIndex}", proposal)],
            cancellationToken: ct
        );

    /// <summary>The study's saved searches, written whole: a study has a handful, and a missing list (older studies) is set.</summary>
    public async Task SetSearchSetsAsync(string studyId, List<SearchSet> sets, CancellationToken ct) =>
        await cosmos.Studies.PatchItemAsync<StudyDocument>(
            studyId,
            new PartitionKey(StudyDocument.PartitionValue),
            [PatchOperation.Set("/searchSets", sets)],
            cancellationToken: ct
        );

    public Task<List<StudyDocument>> ListAsync(CancellationToken ct) =>
        cosmos.Studies.QueryPartitionAsync<StudyDocument>(StudyDocument.PartitionValue, ct);
}
