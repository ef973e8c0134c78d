namespace PipelineFunctions.Core.Transcripts;

/// <summary>
/// The upload cannot become a transcript. The message names the problem in general terms only:
/// it never quotes the file's text, which may hold identifiers.
/// </summary>
public sealed class TranscriptRejectedException(RejectionReason reason, string message) : Exception(message)
{
    public RejectionReason Reason { get; } = reason;
}
