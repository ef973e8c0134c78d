using Microsoft.Azure.Functions.Worker;
using PipelineFunctions.App.Recovery;
using PipelineFunctions.App.Workflow;

namespace PipelineFunctions.App.Stages.Sweep;

/// <summary>
/// Transcripts whose stage message went missing get a new one (<see cref="StalledTranscripts"/>), on the schedule in
/// app setting <c>StalledTranscriptsSchedule</c>: every 5 minutes in Azure, where a lost message comes back on its own
/// after ten and a sweep a minute would keep an instance awake; every 15 s locally.
/// </summary>
public sealed class HandOnStalledTranscripts(StalledTranscripts stalled)
{
    [Function(nameof(HandOnStalledTranscripts))]
    public Task RunAsync([TimerTrigger("%StalledTranscriptsSchedule%")] TimerInfo timer, CancellationToken ct) =>
        stalled.HandOnAsync(ct);
}
