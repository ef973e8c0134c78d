using PipelineFunctions.App.Model;
using PipelineFunctions.App.Workflow;

namespace PipelineFunctions.App.Tests.Workflow;

/// <summary>Transcripts kept in memory with the store's conditional move: a move from a status it no longer has is refused.</summary>
sealed class InMemoryTranscripts(TimeProvider clock) : ITranscriptStatuses
{
    readonly Dictionary<string, TranscriptDocument> _documents = [];

    public void Add(TranscriptDocument transcript) => _documents[transcript.Id] = Copy(transcript);

    public TranscriptDocument this[string id] => _documents[id];

    public Task<TranscriptDocument?> GetAsync(string studyId, string transcriptId, CancellationToken ct) =>
        Task.FromResult(_documents.TryGetValue(transcriptId, out var t) && t.StudyId == studyId ? Copy(t) : null);

    public Task<bool> SetStatusAsync(
        string studyId,
        string transcriptId,
        TranscriptStatus from,
        TranscriptStatus status,
        string? reason,
        TranscriptFacts? facts,
        CancellationToken ct
    )
    {
        var stored = _documents[transcriptId];
        if (stored.Status != from)
            return Task.FromResult(false);
        stored.Status = status;
        stored.UpdatedAt = clock.GetUtcNow();
        stored.History.Add(new(status, stored.UpdatedAt, reason));
        return Task.FromResult(true);
    }

    static TranscriptDocument Copy(TranscriptDocument t) =>
        Newtonsoft.Json.JsonConvert.DeserializeObject<TranscriptDocument>(
            Newtonsoft.Json.JsonConvert.SerializeObject(t)
        )!;
}

/// <summary>The moves the study summary was told of.</summary>
sealed class InMemorySummaries : IStudySummaries
{
    public List<(TranscriptStatus From, TranscriptStatus To)> Moves { get; } = [];

    public Task RecordMoveAsync(TranscriptDocument before, TranscriptStatus to, CancellationToken ct)
    {
        Moves.Add((before.Status, to));
        return Task.CompletedTask;
    }
}

/// <summary>Stage messages as sent, by queue.</summary>
sealed class InMemoryQueues : IStageQueues
{
    public List<(string Queue, TranscriptMessage Message)> Sent { get; } = [];

    public Task SendAsync(string queue, TranscriptMessage message, CancellationToken ct)
    {
        Sent.Add((queue, message));
        return Task.CompletedTask;
    }
}
