namespace PipelineFunctions.App.Model;

/// <summary>Where a transcript stands. Rejected: the upload itself is unusable. Failed: a step failed repeatedly.</summary>
public enum TranscriptStatus
{
    Received,
    Parsed,
    Pseudonymised,
    AwaitingTranslationCheck,
    AwaitingTranslationReview,
    SuggestionsReady,
    Rejected,
    Failed,
}
