using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Workflow;

/// <summary>What moves a transcript: a machine stage, a person's decision, or the pipeline's own bookkeeping.</summary>
public enum Trigger
{
    Ingest,
    Pseudonymise,
    CheckTranslation,
    Suggest,
    Release,
    CodeInOriginal,
    Approve,
    Query,
    Correct,
    Reject,
    Supersede,
    Fail,
    Replay,
}

/// <summary>How a row's trigger reaches a transcript that stands at the row's <c>From</c> status.</summary>
public enum Hand
{
    /// <summary>Arriving at the status queues the stage (the workflow hands on; the sweep sends again if the message is lost).</summary>
    Queued,

    /// <summary>The upload's BlobCreated event (the upload API, Event Grid or the local scan); the sweep sends it again.</summary>
    Upload,

    /// <summary>The stage is woken by another transcript: a half of a pair waiting for the other.</summary>
    Woken,

    /// <summary>Moved with the other half of its pair, by the stage run of that half.</summary>
    Alongside,

    /// <summary>A person's decision in a page.</summary>
    Person,

    /// <summary>The pipeline's bookkeeping: a rejected upload, a failed step, a replay, a correction, a replaced translation.</summary>
    Pipeline,
}

/// <summary>
/// One row of the transcript's life: at <paramref name="From"/>, <paramref name="Trigger"/> may move it to
/// <paramref name="To"/>. <paramref name="When"/> says which transcripts the row is for (a pair, a translation);
/// <paramref name="Setting"/> which studies (a study setting that adds a step).
/// </summary>
public sealed record Transition(
    TranscriptStatus From,
    Trigger Trigger,
    TranscriptStatus To,
    Hand Hand,
    Func<TranscriptDocument, bool>? When = null,
    Func<StudyDocument, bool>? Setting = null
)
{
    /// <summary>True when a machine stage takes the transcript from here by itself (not a wake-up, a pair, a person or bookkeeping).</summary>
    public bool IsStageRun => Hand is Hand.Queued or Hand.Upload or Hand.Woken;

    public bool AppliesTo(TranscriptDocument transcript) => When?.Invoke(transcript) ?? true;

    public bool AppliesTo(StudyDocument? study) => Setting is null || (study is not null && Setting(study));
}
