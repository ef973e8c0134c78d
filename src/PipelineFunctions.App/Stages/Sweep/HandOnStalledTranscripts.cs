using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Workflow;

namespace PipelineFunctions.App.Stages.Sweep;

/// <summary>Once a minute: transcripts whose stage message went missing get a new one (<see cref="StalledTranscripts"/>).</summary>
public sealed class HandOnStalledTranscripts(StalledTranscripts stalled)
{
    [Function(nameof(HandOnStalledTranscripts))]
    public Task RunAsync([TimerTrigger("0 * * * * *")] TimerInfo timer, CancellationToken ct) => stalled.HandOnAsync(ct);
}
