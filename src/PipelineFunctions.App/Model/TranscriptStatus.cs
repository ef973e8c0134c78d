namespace PipelineFunctions.App.Model;

/// <summary>
/// Where a transcript stands. In a study with the site's check, a pseudonymised transcript waits at AwaitingSiteCheck
/// until the uploading site (or the custodian) releases it; released, it stands at Pseudonymised. A source and its translation wait for each other (AwaitingTranslationCheck), then for
/// the translation lead (AwaitingTranslationReview), who approves them or queries the site (TranslationQueried).
/// Once approved, the source rests at TranslationApproved and the translation goes on to suggestions.
/// Rejected: the upload itself is unusable. Failed: a step failed repeatedly. Superseded: a corrected translation replaced it.
/// </summary>
public enum TranscriptStatus
{
    Received,
    Parsed,
    AwaitingSiteCheck,
    Pseudonymised,
    AwaitingTranslationCheck,
    AwaitingTranslationReview,
    TranslationQueried,
    TranslationApproved,
    SuggestionsReady,
    Rejected,
    Failed,
    Superseded,
}
