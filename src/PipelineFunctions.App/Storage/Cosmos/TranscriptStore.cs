using System.Net;
using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Storage.Cosmos;

public sealed class TranscriptStore(CosmosContainers cosmos, TimeProvider clock)
{
    public Task<TranscriptDocument?> GetAsync(string studyId, string transcriptId, CancellationToken ct) =>
        cosmos.Transcripts.ReadOrDefaultAsync<TranscriptDocument>(transcriptId, studyId, ct);

    /// <summary>Creates the transcript; when one with that id exists already (same study, same content) returns it instead.</summary>
    public async Task<(TranscriptDocument Document, bool Created)> CreateOrGetAsync(TranscriptDocument transcript, CancellationToken ct)
    {
        try
        {
            await cosmos.Transcripts.CreateItemAsync(transcript, new PartitionKey(transcript.StudyId), cancellationToken: ct);
            return (transcript, true);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return ((await GetAsync(transcript.StudyId, transcript.Id, ct))!, false);
        }
    }

    public Task<List<TranscriptDocument>> ListAsync(string studyId, CancellationToken ct) =>
        cosmos.Transcripts.QueryPartitionAsync<TranscriptDocument>(studyId);

    /// <summary>
    /// Moves a transcript to a status, with a patch so that concurrent writers of other fields (a translation
    /// pairing itself with its source, say) are never overwritten.
    /// </summary>
    public async Task SetStatusAsync(string studyId, string transcriptId, TranscriptStatus status, string? reason = null,
        IEnumerable<PatchOperation>? more = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var operations = new List<PatchOperation>
        {
            PatchOperation.Set("/status", status.ToString()),
            // The reason stays on the document only while it explains a rejection or failure; the history keeps every detail.
            PatchOperation.Set("/reason", status is TranscriptStatus.Rejected or TranscriptStatus.Failed ? reason : null),
            PatchOperation.Set("/updatedAt", now),
            PatchOperation.Add("/history/-", new StatusChange(status, now, reason)),
        };
        if (more is not null) operations.AddRange(more);
        await PatchAsync(studyId, transcriptId, operations, ct);
    }

    public async Task PatchAsync(string studyId, string transcriptId, IReadOnlyList<PatchOperation> operations, CancellationToken ct)
    {
        // Cosmos takes at most 10 operations per patch.
        foreach (var chunk in operations.Chunk(10))
            await cosmos.Transcripts.PatchItemAsync<TranscriptDocument>(transcriptId, new PartitionKey(studyId), chunk, cancellationToken: ct);
    }
}
