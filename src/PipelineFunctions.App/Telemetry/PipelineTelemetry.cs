using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;

namespace PipelineFunctions.App.Telemetry;

/// <summary>
/// The pipeline's one ActivitySource and one Meter. Spans and metrics carry ids, stage names, counts and outcomes
/// only: never transcript text, a file name, a roster identifier or an exception message from outside our code.
/// A trace follows a transcript from the upload API through every stage by the W3C <c>traceparent</c> in each
/// queue message.
/// </summary>
public static class PipelineTelemetry
{
    public const string Name = "PipelineFunctions.Pipeline";

    public static readonly ActivitySource Source = new(Name);
    static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Invocations = Meter.CreateCounter<long>(
        "pipeline.stage.invocations",
        "{invocation}",
        "Function invocations per stage and outcome."
    );
    public static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "pipeline.stage.failures",
        "{invocation}",
        "Failed function invocations per stage (each try counts)."
    );
    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "pipeline.stage.duration",
        "s",
        "How long one invocation of a stage took."
    );

    public static class Tags
    {
        public const string Function = "pipeline.function";
        public const string Stage = "pipeline.stage";
        public const string StudyId = "pipeline.study_id";
        public const string SiteId = "pipeline.site_id";
        public const string TranscriptId = "pipeline.transcript_id";
        public const string DequeueCount = "pipeline.dequeue_count";
        public const string Outcome = "pipeline.outcome";
        public const string InvocationId = "pipeline.invocation_id";
        public const string Queue = "messaging.destination.name";
    }

    /// <summary>A producer span around putting a message on a stage queue; its id becomes the message's traceparent.</summary>
    public static Activity? StartSend(string queue, string studyId, string transcriptId)
    {
        var activity = Source.StartActivity($"send {queue}", ActivityKind.Producer);
        activity?.SetTag(Tags.Queue, queue);
        activity?.SetTag(Tags.StudyId, studyId);
        activity?.SetTag(Tags.TranscriptId, transcriptId);
        return activity;
    }

    /// <summary>The current span as a W3C traceparent, or null when nothing is being traced.</summary>
    public static string? Traceparent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } id } ? id : null;

    /// <summary>
    /// The trace a queue message belongs to: the <c>traceparent</c> property of a stage message or of an Event Grid
    /// event (first of a batch). Default when absent or malformed: old messages and Azure's own events start a trace.
    /// </summary>
    public static ActivityContext ParentOf(string message)
    {
        try
        {
            using var json = JsonDocument.Parse(message);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0)
                root = root[0];
            if (
                root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("traceparent", out var value)
                && value.ValueKind == JsonValueKind.String
                && ActivityContext.TryParse(value.GetString(), null, isRemote: true, out var context)
            )
                return context;
        }
        catch (JsonException) { }
        return default;
    }
}
