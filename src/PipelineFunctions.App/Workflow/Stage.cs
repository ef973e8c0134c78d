using PipelineFunctions.App.Model;

namespace PipelineFunctions.App.Workflow;

/// <summary>
/// One machine stage of the pipeline: its function, the queue that triggers it, the statuses that hand a transcript to
/// it and the ones it writes, and its name in words (for failure reasons and the dashboard).
/// </summary>
public sealed record Stage(string Name, string Function, string Queue, string Label, IReadOnlyList<TranscriptStatus> From, IReadOnlyList<TranscriptStatus> To)
{
    public string PoisonQueue => Queue + "-poison";
}
