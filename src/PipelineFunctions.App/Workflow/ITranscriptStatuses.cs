using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Workflow;

/// <summary>What the workflow needs of the transcript store: a read, and the conditional status move (fakes in the app's unit tests).</summary>
public interface ITranscriptStatuses
{
    Task<TranscriptDocument?> GetAsync(string studyId, string transcriptId, CancellationToken ct);

    Task<bool> SetStatusAsync(
        string studyId,
        string transcriptId,
        TranscriptStatus from,
        TranscriptStatus status,
        string? reason,
        TranscriptFacts? facts,
        CancellationToken ct
    );
}

/// <summary>What the workflow needs of the stage queues: one message for a stage.</summary>
public interface IStageQueues
{
    Task SendAsync(string queue, TranscriptMessage message, CancellationToken ct);
}

/// <summary>What the workflow tells the study's summary: a transcript (as it stood before) moved to a status.</summary>
public interface IStudySummaries
{
    Task RecordMoveAsync(TranscriptDocument before, TranscriptStatus to, CancellationToken ct);
}
