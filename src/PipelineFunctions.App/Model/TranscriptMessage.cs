using System.Text.Json.Serialization;

namespace PipelineFunctions.App.Model;

/// <summary>
/// What every stage queue carries: ids only, never text. <see cref="Traceparent"/> is the W3C trace context of the
/// span that sent it (ids and flags, nothing else); messages without it, from before or from elsewhere, still work.
/// </summary>
public sealed record TranscriptMessage(
    string StudyId,
    string TranscriptId,
    [property: JsonPropertyName("traceparent"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        string? Traceparent = null
);
