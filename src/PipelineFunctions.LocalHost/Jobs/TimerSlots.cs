using Microsoft.Azure.WebJobs;

namespace PipelineFunctions.LocalHost.Jobs;

/// <summary>
/// Timer functions as WebJobs timer triggers, on the same job host as the queue slots: the schedule is a setting
/// (<see cref="SlotMap"/>), so the SDK's timer does the rest as in the Functions host: NCRONTAB with seconds, one run
/// at a time (a listener singleton), schedule status and past-due runs from the schedule monitor.
/// </summary>
public sealed class TimerSlots(TimerDispatcher dispatcher)
{
    [Disable("LocalHostTimer00Disabled")]
    public Task Timer00([TimerTrigger("%LocalHostTimer00%")] TimerInfo timer, CancellationToken ct) =>
        dispatcher.RunAsync(0, timer, ct);

    [Disable("LocalHostTimer01Disabled")]
    public Task Timer01([TimerTrigger("%LocalHostTimer01%")] TimerInfo timer, CancellationToken ct) =>
        dispatcher.RunAsync(1, timer, ct);

    [Disable("LocalHostTimer02Disabled")]
    public Task Timer02([TimerTrigger("%LocalHostTimer02%")] TimerInfo timer, CancellationToken ct) =>
        dispatcher.RunAsync(2, timer, ct);

    [Disable("LocalHostTimer03Disabled")]
    public Task Timer03([TimerTrigger("%LocalHostTimer03%")] TimerInfo timer, CancellationToken ct) =>
        dispatcher.RunAsync(3, timer, ct);
}
