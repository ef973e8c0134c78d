using System.Diagnostics;
using PipelineFunctions.App.Telemetry;

namespace PipelineFunctions.App.Stages;

/// <summary>What a stage knows of its invocation. Logs carry ids and categories only, never transcript text.</summary>
public sealed class StageContext(
    string invocationId,
    int dequeueCount,
    int maxDequeueCount,
    ILogger logger,
    Activity? activity
)
{
    public string InvocationId { get; } = invocationId;
    public int DequeueCount { get; } = dequeueCount;

    /// <summary>True when this is the last try: a failure now sends the message to the poison queue.</summary>
    public bool IsLastAttempt => DequeueCount >= maxDequeueCount;

    public void Log(string message) => logger.LogInformation("{Message}", message);

    /// <summary>Names the transcript this invocation works on, on its span (ids only).</summary>
    public void Describe(string studyId, string transcriptId)
    {
        activity?.SetTag(PipelineTelemetry.Tags.StudyId, studyId);
        activity?.SetTag(PipelineTelemetry.Tags.TranscriptId, transcriptId);
    }
}
