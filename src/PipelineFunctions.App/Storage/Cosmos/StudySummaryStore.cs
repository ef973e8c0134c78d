using System.Net;
using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Workflow;

namespace PipelineFunctions.App.Storage.Cosmos;

/// <summary>
/// Each study's summary document, patched as transcripts arrive and move (an increment per count, a move appended), so
/// the admin status costs the same for 100 transcripts as for 5,000. A study without one (data from before it existed)
/// gets it built once from its transcripts.
/// </summary>
public sealed class StudySummaryStore(CosmosContainers cosmos, TimeProvider clock) : IStudySummaries
{
    public Task RecordCreatedAsync(TranscriptDocument transcript, CancellationToken ct) =>
        RecordAsync(
            transcript.StudyId,
            [
                PatchOperation.Increment(
                    $"/counts/{StudySummaryDocument.CountKey(transcript.SiteId, transcript.Status)}",
                    1
                ),
                PatchOperation.Add(
                    "/moves/-",
                    new SummaryMove(transcript.SiteId, transcript.Status.ToString(), transcript.ReceivedAt)
                ),
            ],
            ct
        );

    public Task RecordMoveAsync(TranscriptDocument before, TranscriptStatus to, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stages = StageTimings
            .Added(before, new StatusChange(to, now))
            .Select(d => new StageRun(d.Stage, d.Duration.TotalSeconds))
            .ToList();
        return RecordAsync(
            before.StudyId,
            [
                PatchOperation.Increment($"/counts/{StudySummaryDocument.CountKey(before.SiteId, before.Status)}", -1),
                PatchOperation.Increment($"/counts/{StudySummaryDocument.CountKey(before.SiteId, to)}", 1),
                PatchOperation.Add(
                    "/moves/-",
                    new SummaryMove(before.SiteId, to.ToString(), now, stages.Count > 0 ? stages : null)
                ),
            ],
            ct
        );
    }

    /// <summary>The study's summary, trimmed to its latest moves; built from its transcripts when it has none yet.</summary>
    public async Task<StudySummaryDocument> GetAsync(string studyId, CancellationToken ct)
    {
        var summary =
            await cosmos.ReadAsync<StudySummaryDocument>(cosmos.Summaries, studyId, studyId, ct)
            ?? await BuildAsync(studyId, ct);
        if (summary.Moves.Count > StudySummaryDocument.MaxMoves)
            await TrimAsync(summary, ct);
        return summary;
    }

    async Task RecordAsync(string studyId, IReadOnlyList<PatchOperation> operations, CancellationToken ct)
    {
        try
        {
            await cosmos.Summaries.PatchItemAsync<StudySummaryDocument>(
                studyId,
                new PartitionKey(studyId),
                operations,
                new PatchItemRequestOptions { EnableContentResponseOnWrite = false },
                ct
            );
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // The study's first: built from its transcripts, which hold this one's status already.
            await BuildAsync(studyId, ct);
        }
    }

    async Task<StudySummaryDocument> BuildAsync(string studyId, CancellationToken ct)
    {
        var transcripts = await cosmos.Transcripts.QueryPartitionAsync<TranscriptDocument>(studyId, ct);
        var summary = new StudySummaryDocument
        {
            Id = studyId,
            StudyId = studyId,
            Counts = transcripts
                .GroupBy(t => StudySummaryDocument.CountKey(t.SiteId, t.Status))
                .ToDictionary(g => g.Key, g => g.Count()),
            Moves = [.. transcripts.SelectMany(Moves).OrderBy(m => m.At).TakeLast(StudySummaryDocument.MaxMoves)],
        };
        try
        {
            await cosmos.Summaries.CreateItemAsync(
                summary,
                new PartitionKey(studyId),
                new ItemRequestOptions { EnableContentResponseOnWrite = false },
                ct
            );
            return summary;
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return (await cosmos.ReadAsync<StudySummaryDocument>(cosmos.Summaries, studyId, studyId, ct))!;
        }
    }

    /// <summary>A transcript's history as the moves the summary would have recorded.</summary>
    static IEnumerable<SummaryMove> Moves(TranscriptDocument t)
    {
        var history = new TranscriptDocument { History = [], ReceivedAt = t.ReceivedAt };
        foreach (var entry in t.History)
        {
            var stages = StageTimings
                .Added(history, entry)
                .Select(d => new StageRun(d.Stage, d.Duration.TotalSeconds))
                .ToList();
            history.History.Add(entry);
            yield return new SummaryMove(t.SiteId, entry.Status.ToString(), entry.At, stages.Count > 0 ? stages : null);
        }
    }

    /// <summary>Keeps the latest moves; a writer in between makes the replace lose, and the next read trims.</summary>
    async Task TrimAsync(StudySummaryDocument summary, CancellationToken ct)
    {
        summary.Moves = summary.Moves.TakeLast(StudySummaryDocument.MaxMoves).ToList();
        try
        {
            await cosmos.Summaries.ReplaceItemAsync(
                summary,
                summary.Id,
                new PartitionKey(summary.StudyId),
                new ItemRequestOptions { IfMatchEtag = summary.ETag, EnableContentResponseOnWrite = false },
                ct
            );
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.PreconditionFailed) { }
    }
}
