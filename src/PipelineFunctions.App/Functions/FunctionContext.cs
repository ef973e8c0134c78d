using System.Diagnostics;
using PipelineFunctions.App.Telemetry;

namespace PipelineFunctions.App.Functions;

/// <summary>What a function knows of its invocation. Logs carry ids and categories only, never transcript text.</summary>
public sealed class FunctionContext(string invocationId, int dequeueCount, int maxDequeueCount, Activity? activity = null)
{
    readonly List<string> _logs = [];

    public string InvocationId { get; } = invocationId;
    public int DequeueCount { get; } = dequeueCount;
    public int MaxDequeueCount { get; } = maxDequeueCount;

    /// <summary>True when this is the last try: a failure now sends the message to the poison queue.</summary>
    public bool IsLastAttempt => DequeueCount >= MaxDequeueCount;

    public IReadOnlyList<string> Logs => _logs;

    public void Log(string message) => _logs.Add(message);

    /// <summary>Names the transcript this invocation works on, on its span (ids only).</summary>
    public void Describe(string studyId, string transcriptId)
    {
        activity?.SetTag(PipelineTelemetry.Tags.StudyId, studyId);
        activity?.SetTag(PipelineTelemetry.Tags.TranscriptId, transcriptId);
    }
}
