using PipelineFunctions.App.Model;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Storage.Queues;

namespace PipelineFunctions.App.Workflow;

/// <summary>
/// The one way a transcript moves on: its status changes (with history), then the stage the table names for that
/// status gets its message. Stages, people's decisions, corrections and an admin's replay all come through here.
/// </summary>
public sealed class TranscriptWorkflow(TranscriptStore transcripts, PipelineQueues queues)
{
    public async Task MoveAsync(TranscriptDocument transcript, TranscriptStatus to, string? detail, CancellationToken ct, TranscriptFacts? facts = null)
    {
        await transcripts.SetStatusAsync(transcript.StudyId, transcript.Id, to, detail, facts, ct);
        transcript.Status = to;
        await HandOnAsync(transcript, ct);
    }

    /// <summary>
    /// Queues the next stage for the status the transcript has now: a stage whose work was done before it died only
    /// hands on again.
    /// </summary>
    public async Task HandOnAsync(TranscriptDocument transcript, CancellationToken ct)
    {
        if (StageTable.Next(transcript, transcript.Status) is { } next) await SendAsync(next, transcript, ct);
    }

    /// <summary>
    /// For a stage that finds its own work done: a retry (its earlier try died after the status write) hands on; a first
    /// delivery that finds it done is a duplicate message, and handing on would cascade duplicates.
    /// </summary>
    public Task HandOnIfRetryAsync(TranscriptDocument transcript, int dequeueCount, CancellationToken ct) =>
        dequeueCount > 1 ? HandOnAsync(transcript, ct) : Task.CompletedTask;

    /// <summary>Wakes a stage for a transcript whose status stays: a translation waiting at the check whose source arrived.</summary>
    public Task SendAsync(Stage stage, TranscriptDocument transcript, CancellationToken ct) =>
        queues.SendAsync(stage.Queue, new TranscriptMessage(transcript.StudyId, transcript.Id), ct);
}
