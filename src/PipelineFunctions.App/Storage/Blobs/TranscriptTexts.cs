using PipelineFunctions.Core.Pseudonymisation;
using PipelineFunctions.Core.Transcripts;

namespace PipelineFunctions.App.Storage.Blobs;

/// <summary>Where each form of a transcript's text is kept. Raw text and rosters only ever in
/// <c>restricted</c>.</summary>
public sealed class TranscriptTexts(BlobContainers blobs)
{
    public Task SaveParsedAsync(string transcriptId, ParsedTranscript parsed, CancellationToken ct) =>
        BlobContainers.WriteJsonAsync(blobs.Restricted, $"transcripts/{transcriptId}/parsed.json", parsed, ct);

    public Task<ParsedTranscript?> LoadParsedAsync(string transcriptId, CancellationToken ct) =>
        BlobContainers.ReadJsonAsync<ParsedTranscript>(blobs.Restricted, $"transcripts/{transcriptId}/parsed.json", ct);

    public Task SaveRosterAsync(string studyId, IReadOnlyList<RosterEntry> roster, CancellationToken ct) =>
        BlobContainers.WriteJsonAsync(blobs.Restricted, $"studies/{studyId}/roster.json", roster, ct);

    public async Task<IReadOnlyList<RosterEntry>> LoadRosterAsync(string studyId, CancellationToken ct) =>
        await BlobContainers.ReadJsonAsync<List<RosterEntry>>(blobs.Restricted, $"studies/{studyId}/roster.json", ct)
        ?? [];

    public Task SavePseudonymisedAsync(
        string transcriptId,
        int version,
        IReadOnlyList<SpeakerTurn> turns,
        CancellationToken ct
    ) => BlobContainers.WriteJsonAsync(blobs.Pseudonymised, $"{transcriptId}/v{version}.json", turns, ct);

    public Task<List<SpeakerTurn>?> LoadPseudonymisedAsync(string transcriptId, int version, CancellationToken ct) =>
        BlobContainers.ReadJsonAsync<List<SpeakerTurn>>(blobs.Pseudonymised, $"{transcriptId}/v{version}.json", ct);

    public async Task<byte[]?> LoadKeyLogAsync(string transcriptId, int version, CancellationToken ct)
    {
        try
        {
            return (
                await blobs.Keys.GetBlobClient($"{transcriptId}/v{version}.bin").DownloadContentAsync(ct)
            ).Value.Content.ToArray();
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task SaveKeyLogAsync(string transcriptId, int version, byte[] sealedLog, CancellationToken ct) =>
        await blobs
            .Keys.GetBlobClient($"{transcriptId}/v{version}.bin")
            .UploadAsync(BinaryData.FromBytes(sealedLog), overwrite: true, ct);
}
