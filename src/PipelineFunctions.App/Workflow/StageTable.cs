using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Workflow;

/// <summary>
/// The one table of stages: function, queue and label per trigger of <see cref="Transitions"/>, which says the order
/// and the statuses. Functions take their trigger queue from <see cref="Queues"/> (attributes need constants);
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

    public static readonly Stage Ingest = new("ingest", Trigger.Ingest, "IngestTranscript", Queues.Ingest, "Ingest");
    public static readonly Stage Pseudonymise = new(
        "pseudonymise",
        Trigger.Pseudonymise,
        "PseudonymiseTranscript",
        Queues.Pseudonymise,
        "Pseudonymisation"
    );
    public static readonly Stage TranslationCheck = new(
        "translation-check",
        Trigger.CheckTranslation,
        "CheckTranslation",
        Queues.TranslationCheck,
        "Translation check"
    );
    public static readonly Stage Suggest = new(
        "suggest",
        Trigger.Suggest,
        "SuggestCodes",
        Queues.Suggest,
        "Code suggestion"
    );

    /// <summary>In pipeline order (the order of their first rows in <see cref="Transitions.All"/>).</summary>
    public static readonly IReadOnlyList<Stage> All = [Ingest, Pseudonymise, TranslationCheck, Suggest];

    public static Stage? ByQueue(string queue) => All.FirstOrDefault(s => s.Queue == queue);

    public static Stage? ByFunction(string function) => All.FirstOrDefault(s => s.Function == function);

    public static Stage Of(Trigger trigger) => All.Single(s => s.Trigger == trigger);

    /// <summary>The stage the workflow queues for a transcript arriving at <paramref name="status"/>, as the transition table says.</summary>
    public static Stage? Next(TranscriptDocument transcript, TranscriptStatus status) =>
        Transitions.NextStage(transcript, status) is { } trigger ? Of(trigger) : null;
}
