namespace PipelineFunctions.App.Workflow;

/// <summary>
/// One machine stage of the pipeline: the trigger its rows carry in <see cref="Transitions"/>, its function, the queue
/// that triggers it, and its name in words (for failure reasons and the dashboard).
/// </summary>
public sealed record Stage(string Name, Trigger Trigger, string Function, string Queue, string Label)
{
    public string PoisonQueue => Queue + "-poison";
}
