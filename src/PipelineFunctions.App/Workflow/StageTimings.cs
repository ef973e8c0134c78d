using PipelineFunctions.App.Model;
using PipelineFunctions.Core.Monitoring;

namespace PipelineFunctions.App.Workflow;

/// <summary>
/// The machine stages as status histories show them, for the dashboard's latency: a stage runs from a status that
/// hands a transcript to it to a status it writes (the rows of the transition table where the stage takes a transcript
/// by itself). Waits for a person or for the other half of a pair are not a stage's time.
/// </summary>
public static class StageTimings
{
    public const string UploadToReady = "upload-to-ready";

    static readonly StageSpan[] Spans =
    [
        .. Transitions
            .All.Where(r => r.Hand is Hand.Queued or Hand.Upload)
            .GroupBy(r => (r.Trigger, r.To))
            .Select(g => new StageSpan(
                StageTable.Of(g.Key.Trigger).Name,
                g.Select(r => r.From.ToString()).ToHashSet(),
                g.Key.To.ToString()
            )),
    ];

    /// <summary>Stages in pipeline order, then the whole journey.</summary>
    public static readonly string[] Order = [.. StageTable.All.Select(s => s.Name), UploadToReady];

    /// <summary>
    /// Where the pipeline hands over to people: suggestions for coders, or a status a person's decision takes a transcript
    /// from (the site's check, the translation lead's review).
    /// </summary>
    public static readonly IReadOnlySet<string> Ready = new HashSet<string>([
        nameof(TranscriptStatus.SuggestionsReady),
        .. Transitions.All.Where(r => r.Hand == Hand.Person).Select(r => r.From.ToString()),
    ]);

    /// <summary>The stage runs (and the upload-to-ready time) that one more history entry ends, for the study's summary.</summary>
    public static IEnumerable<(string Stage, TimeSpan Duration)> Added(TranscriptDocument before, StatusChange next)
    {
        var history = before.History.Select(h => new StatusAt(h.Status.ToString(), h.At)).ToList();
        var earlier = StageLatency.Durations(history, Spans).Count();
        var reached = StageLatency.Between(history, nameof(TranscriptStatus.Received), Ready) is not null;
        history.Add(new StatusAt(next.Status.ToString(), next.At));
        foreach (var d in StageLatency.Durations(history, Spans).Skip(earlier))
            yield return d;
        if (!reached && StageLatency.Between(history, nameof(TranscriptStatus.Received), Ready) is { } total)
            yield return (UploadToReady, total);
    }

    /// <summary>Every stage run of the transcript, and its upload-to-ready time once it got there.</summary>
    public static IEnumerable<(string Stage, TimeSpan Duration)> Durations(TranscriptDocument transcript)
    {
        var history = transcript.History.Select(h => new StatusAt(h.Status.ToString(), h.At)).ToList();
        foreach (var d in StageLatency.Durations(history, Spans))
            yield return d;
        if (StageLatency.Between(history, nameof(TranscriptStatus.Received), Ready) is { } total)
            yield return (UploadToReady, total);
    }
}
