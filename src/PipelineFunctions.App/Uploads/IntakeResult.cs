using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Uploads;

public enum IntakeOutcome
{
    Accepted,
    Duplicate,
    Rejected,
    UnknownStudy,
    Invalid,
}

/// <summary>What became of an upload. <see cref="Message"/> is for people and never quotes the file's content.</summary>
public sealed record IntakeResult(
    IntakeOutcome Outcome,
    string Message,
    TranscriptDocument? Transcript = null,
    Core.Transcripts.RejectionReason? Reason = null
);
