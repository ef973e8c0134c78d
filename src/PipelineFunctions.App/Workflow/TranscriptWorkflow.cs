using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Workflow;

/// <summary>
/// The one way a transcript moves on: its status changes (with history) if it still stands where it was read, then the
/// stage the transition table names for the new status gets its message. Stages, people's decisions, corrections and
/// an admin's replay all come through here.
/// </summary>
public sealed class TranscriptWorkflow(ITranscriptStatuses transcripts, IStageQueues queues, IStudySummaries summaries)
{
    /// <summary>
    /// Moves the transcript from the status it was read at to <paramref name="to"/>, as a patch conditional on that
    /// status. False when it stands elsewhere by now (a second delivery of the same message, or a concurrent decision,
    /// moved it first): then nothing is written and nothing is queued. A move no row of the table allows is a bug.
    /// </summary>
    public async Task<bool> MoveAsync(
        TranscriptDocument transcript,
        TranscriptStatus to,
        string? detail,
        CancellationToken ct,
        TranscriptFacts? facts = null
    )
    {
        var from = transcript.Status;
        if (!Transitions.Allows(from, to))
            throw new InvalidOperationException($"No transition takes a transcript from {from} to {to}.");
        if (!await transcripts.SetStatusAsync(transcript.StudyId, transcript.Id, from, to, detail, facts, ct))
            return false;
        await summaries.RecordMoveAsync(transcript, to, ct);
        transcript.Status = to;
        transcript.History.Add(new StatusChange(to, DateTimeOffset.UtcNow, detail));
        await HandOnAsync(transcript, ct);
        return true;
    }

    /// <summary>
    /// For a move whose claim is made elsewhere (a translation check written once, a correction that applies wherever
    /// the transcript stands): when the conditional move loses, reads the transcript again and moves it from where it
    /// stands now, if a row of <paramref name="trigger"/> takes it there from that status. False when it is there
    /// already or no such row does.
    /// </summary>
    public async Task<bool> MoveFromCurrentAsync(
        TranscriptDocument transcript,
        Trigger trigger,
        TranscriptStatus to,
        string? detail,
        CancellationToken ct
    )
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (attempt > 0)
            {
                if (
                    await transcripts.GetAsync(transcript.StudyId, transcript.Id, ct) is not { } fresh
                    || fresh.Status == to
                )
                    return false;
                (transcript.Status, transcript.History) = (fresh.Status, fresh.History);
            }
            if (!Transitions.Allows(trigger, transcript.Status, to))
                return false;
            if (await MoveAsync(transcript, to, detail, ct))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Queues the next stage for the status the transcript has now: a stage whose work was done before it died only
    /// hands on again.
    /// </summary>
    public async Task HandOnAsync(TranscriptDocument transcript, CancellationToken ct)
    {
        if (StageTable.Next(transcript, transcript.Status) is { } next)
            await SendAsync(next, transcript, ct);
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
