using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Pipeline;

/// <summary>How far along a status is, so a replayed message can tell its work is done already.</summary>
public static class StageOrder
{
    public static int Rank(TranscriptStatus status) => status switch
    {
        TranscriptStatus.Received => 0,
        TranscriptStatus.Parsed => 1,
        TranscriptStatus.Pseudonymised => 2,
        TranscriptStatus.AwaitingTranslationCheck => 3,
        TranscriptStatus.AwaitingTranslationReview => 4,
        TranscriptStatus.TranslationQueried => 4,
        TranscriptStatus.TranslationApproved => 5,
        TranscriptStatus.SuggestionsReady => 6,
        _ => int.MaxValue, // Rejected, Failed and Superseded are final until someone retries.
    };

    public static bool IsAtLeast(this TranscriptStatus status, TranscriptStatus stage) => Rank(status) >= Rank(stage);
}
