using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Monitoring;

namespace PipelineFunctions.App.Pipeline;

/// <summary>
/// The machine stages as status histories show them, for the dashboard's latency: a stage runs from the status that
/// hands a transcript to it to the status it writes. Waits for a person or a partner are not a stage's time.
/// </summary>
public static class PipelineStages
{
    public const string UploadToReady = "upload-to-ready";

    public static readonly StageSpan[] Spans =
    [
        Span("ingest", TranscriptStatus.Parsed, TranscriptStatus.Received),
        Span("pseudonymise", TranscriptStatus.Pseudonymised, TranscriptStatus.Parsed),
        Span("translation-check", TranscriptStatus.AwaitingTranslationCheck, TranscriptStatus.Pseudonymised),
        Span("translation-check", TranscriptStatus.AwaitingTranslationReview, TranscriptStatus.Pseudonymised),
        Span("suggest", TranscriptStatus.SuggestionsReady, TranscriptStatus.Pseudonymised, TranscriptStatus.TranslationApproved),
    ];

    public static readonly string[] Order = ["ingest", "pseudonymise", "translation-check", "suggest", UploadToReady];

    /// <summary>Where the pipeline hands over to people: suggestions for coders, or the pair for the translation lead.</summary>
    public static readonly IReadOnlySet<string> Ready = new HashSet<string> { nameof(TranscriptStatus.SuggestionsReady), nameof(TranscriptStatus.AwaitingTranslationReview) };

    public static IEnumerable<StatusAt> History(TranscriptDocument transcript) =>
        transcript.History.Select(h => new StatusAt(h.Status.ToString(), h.At));

    /// <summary>Every stage run of the transcript, and its upload-to-ready time once it got there.</summary>
    public static IEnumerable<(string Stage, TimeSpan Duration)> Durations(TranscriptDocument transcript)
    {
        var history = History(transcript).ToList();
        foreach (var d in StageLatency.Durations(history, Spans)) yield return d;
        if (StageLatency.Between(history, nameof(TranscriptStatus.Received), Ready) is { } total) yield return (UploadToReady, total);
    }

    static StageSpan Span(string stage, TranscriptStatus to, params TranscriptStatus[] from) =>
        new(stage, from.Select(f => f.ToString()).ToHashSet(), to.ToString());
}
