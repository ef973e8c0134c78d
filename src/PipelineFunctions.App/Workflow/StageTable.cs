using PipelineFunctions.App.Model;
using static PipelineFunctions.App.Model.TranscriptStatus;

namespace PipelineFunctions.App.Workflow;

/// <summary>
/// The one table of stages. Functions take their trigger queue from <see cref="Queues"/> (attributes need constants);
/// telemetry, the dashboard, latency, poison replay and the infrastructure tests read the table.
/// </summary>
public static class StageTable
{
    /// <summary>Queue names as constants, for trigger attributes. Event Grid delivers BlobCreated for uploads to the first.</summary>
    public static class Queues
    {
        public const string Ingest = "transcript-uploads";
        public const string Pseudonymise = "pseudonymise";
        public const string TranslationCheck = "translation-check";
        public const string Suggest = "suggest";
    }

    public static readonly Stage Ingest = new("ingest", "IngestTranscript", Queues.Ingest, "Ingest", [Received], [Parsed]);
    public static readonly Stage Pseudonymise = new("pseudonymise", "PseudonymiseTranscript", Queues.Pseudonymise, "Pseudonymisation", [Parsed], [Pseudonymised]);
    public static readonly Stage TranslationCheck = new("translation-check", "CheckTranslation", Queues.TranslationCheck, "Translation check",
        [Pseudonymised], [AwaitingTranslationCheck, AwaitingTranslationReview]);
    public static readonly Stage Suggest = new("suggest", "SuggestCodes", Queues.Suggest, "Code suggestion", [Pseudonymised, TranslationApproved], [SuggestionsReady]);

    /// <summary>In pipeline order.</summary>
    public static readonly IReadOnlyList<Stage> All = [Ingest, Pseudonymise, TranslationCheck, Suggest];

    public static Stage? ByQueue(string queue) => All.FirstOrDefault(s => s.Queue == queue);

    public static Stage? ByFunction(string function) => All.FirstOrDefault(s => s.Function == function);

    /// <summary>
    /// The stage a transcript at <paramref name="status"/> goes to next, if a machine takes it from there: a source or
    /// translation goes to the translation check, anything else pseudonymised to suggestion; an approved source rests.
    /// </summary>
    public static Stage? Next(TranscriptDocument transcript, TranscriptStatus status) => status switch
    {
        Parsed => Pseudonymise,
        Pseudonymised => transcript.IsPaired ? TranslationCheck : Suggest,
        TranslationApproved when transcript.TranslationOf is not null => Suggest,
        _ => null,
    };

    /// <summary>How far along a status is, so a replayed message can tell its work is done already.</summary>
    public static int Rank(TranscriptStatus status) => status switch
    {
        Received => 0,
        Parsed => 1,
        Pseudonymised => 2,
        AwaitingTranslationCheck => 3,
        AwaitingTranslationReview or TranslationQueried => 4,
        TranslationApproved => 5,
        SuggestionsReady => 6,
        _ => int.MaxValue, // Rejected, Failed and Superseded are final until someone retries.
    };

    public static bool IsAtLeast(this TranscriptStatus status, TranscriptStatus stage) => Rank(status) >= Rank(stage);
}
