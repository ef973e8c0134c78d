using System.Net;
using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Workflow;
using PipelineFunctions.Core.Exchange;

namespace PipelineFunctions.App.Storage.Cosmos;

/// <summary>
/// Transcript documents. Every change is a patch built here, so a translation pairing itself with its source never
/// overwrites the source's own progress.
/// </summary>
public sealed class TranscriptStore(CosmosContainers cosmos, TimeProvider clock) : ITranscriptStatuses
{
    readonly StudySummaryStore _summaries = new(cosmos, clock);

    public Task<TranscriptDocument?> GetAsync(string studyId, string transcriptId, CancellationToken ct) =>
        cosmos.ReadAsync<TranscriptDocument>(cosmos.Transcripts, transcriptId, studyId, ct);

    /// <summary>Creates the transcript; when one with that id exists already (same study, same content) returns it instead.</summary>
    public async Task<(TranscriptDocument Document, bool Created)> CreateOrGetAsync(
        TranscriptDocument transcript,
        CancellationToken ct
    )
    {
        try
        {
            await cosmos.Transcripts.CreateItemAsync(
                transcript,
                new PartitionKey(transcript.StudyId),
                cancellationToken: ct
            );
            await _summaries.RecordCreatedAsync(transcript, ct);
            return (transcript, true);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return ((await GetAsync(transcript.StudyId, transcript.Id, ct))!, false);
        }
    }

    public Task<List<TranscriptDocument>> ListAsync(string studyId, CancellationToken ct) =>
        cosmos.Transcripts.QueryPartitionAsync<TranscriptDocument>(studyId, ct);

    /// <summary>A study's transcripts at any of these statuses.</summary>
    public Task<List<TranscriptDocument>> AtAsync(
        string studyId,
        IReadOnlyList<TranscriptStatus> statuses,
        CancellationToken ct
    ) =>
        cosmos.Transcripts.QueryPartitionAsync<TranscriptDocument>(
            studyId,
            ct,
            "*",
            $"c.status IN ({string.Join(", ", statuses.Select((_, i) => $"@s{i}"))})",
            [.. statuses.Select((s, i) => ($"@s{i}", (object)s.ToString()))]
        );

    /// <summary>
    /// Moves a transcript from the status it is expected at to another, appending to its history, with what the stage
    /// learned. Conditional on that status: false, and nothing written, when it stands elsewhere by now (a second
    /// delivery or a concurrent decision moved it first).
    /// </summary>
    public async Task<bool> SetStatusAsync(
        string studyId,
        string transcriptId,
        TranscriptStatus from,
        TranscriptStatus status,
        string? reason,
        TranscriptFacts? facts,
        CancellationToken ct
    )
    {
        var now = clock.GetUtcNow();
        var operations = new List<PatchOperation>
        {
            PatchOperation.Set("/status", status.ToString()),
            // The reason stays on the document only while it explains a rejection or failure; the history keeps every detail.
            PatchOperation.Set(
                "/reason",
                status is TranscriptStatus.Rejected or TranscriptStatus.Failed ? reason : null
            ),
            PatchOperation.Set("/updatedAt", now),
            PatchOperation.Add("/history/-", new StatusChange(status, now, reason)),
        };
        if (facts is not null)
            operations.AddRange(Operations(facts));
        try
        {
            await PatchAsync(
                studyId,
                transcriptId,
                operations,
                ct,
                new PatchItemRequestOptions { FilterPredicate = At(from) }
            );
            return true;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed)
        {
            return false;
        }
    }

    /// <summary>
    /// The patch's condition. Compared in lower case: the local Cosmos server lower-cases a condition's whole text
    /// before it runs it (literals too), and Azure reads it as written; status names are plain letters.
    /// </summary>
    internal static string At(TranscriptStatus status) =>
        $"FROM c WHERE LOWER(c.status) = '{status.ToString().ToLowerInvariant()}'";

    /// <summary>Names a translation's source on it.</summary>
    public Task SetTranslationOfAsync(string studyId, string translationId, string sourceId, CancellationToken ct) =>
        PatchAsync(studyId, translationId, [PatchOperation.Set("/translationOf", sourceId)], ct);

    /// <summary>Names a source's (current) translation on it.</summary>
    public Task SetTranslationAsync(string studyId, string sourceId, string translationId, CancellationToken ct) =>
        PatchAsync(studyId, sourceId, [PatchOperation.Set("/translationId", translationId)], ct);

    /// <summary>A corrected translation names the one it replaces.</summary>
    public Task SetSupersedesAsync(string studyId, string translationId, string earlierId, CancellationToken ct) =>
        PatchAsync(studyId, translationId, [PatchOperation.Set("/supersedes", earlierId)], ct);

    /// <summary>
    /// The study lead's view of a transcript's participants: every speaker's role (the whole map, replacing the last)
    /// and the interview type (null: not set).
    /// </summary>
    public Task SetParticipantsAsync(
        string studyId,
        string transcriptId,
        IReadOnlyDictionary<string, ParticipantRole> roles,
        string? interviewType,
        CancellationToken ct
    ) =>
        PatchAsync(
            studyId,
            transcriptId,
            [
                // Roles by name, as the document's converter reads them.
                PatchOperation.Set(
                    "/speakerRoles",
                    roles.ToDictionary(r => r.Key, r => r.Value.ToString(), StringComparer.Ordinal)
                ),
                PatchOperation.Set("/interviewType", interviewType),
                // The lead saw the imported roles as speakers' roles and saved them so: they are in the map now.
                PatchOperation.Set("/importedRoles", new Dictionary<string, string>()),
            ],
            ct
        );

    /// <summary>What an imported project said of a transcript's participants: roles by turn number, and the interview type.</summary>
    public Task SetImportedParticipantsAsync(
        string studyId,
        string transcriptId,
        IReadOnlyDictionary<int, ParticipantRole> rolesByTurn,
        string? interviewType,
        CancellationToken ct
    ) =>
        PatchAsync(
            studyId,
            transcriptId,
            [
                PatchOperation.Set(
                    "/importedRoles",
                    rolesByTurn.ToDictionary(
                        r => r.Key.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        r => r.Value.ToString()
                    )
                ),
                PatchOperation.Set("/interviewType", interviewType),
            ],
            ct
        );

    static IEnumerable<PatchOperation> Operations(TranscriptFacts f)
    {
        if (f.Format is not null)
            yield return PatchOperation.Set("/format", f.Format);
        if (f.TurnCount is { } turns)
            yield return PatchOperation.Set("/turnCount", turns);
        if (f.WordCount is { } words)
            yield return PatchOperation.Set("/wordCount", words);
        if (f.PseudonymVersion is { } version)
            yield return PatchOperation.Set("/pseudonymVersion", version);
        if (f.SuggestionCount is { } suggestions)
            yield return PatchOperation.Set("/suggestionCount", suggestions);
        if (f.CodebookVersion is not null)
            yield return PatchOperation.Set("/codebookVersion", f.CodebookVersion);
        if (f.UnsureSpans is not null)
            yield return PatchOperation.Set("/unsureSpans", f.UnsureSpans);
        if (f.Released is not null)
            yield return PatchOperation.Set("/released", f.Released);
        if (f.CodeInOriginal is { } original)
            yield return PatchOperation.Set("/codeInOriginal", original);
    }

    async Task PatchAsync(
        string studyId,
        string transcriptId,
        IReadOnlyList<PatchOperation> operations,
        CancellationToken ct,
        PatchItemRequestOptions? condition = null
    )
    {
        // Cosmos takes at most 10 operations per patch; the condition goes with the first, which moves the status.
        foreach (var chunk in operations.Chunk(10))
        {
            await cosmos.Transcripts.PatchItemAsync<TranscriptDocument>(
                transcriptId,
                new PartitionKey(studyId),
                chunk,
                condition,
                ct
            );
            condition = null;
        }
    }
}
