using System.Collections.Concurrent;
using Microsoft.Azure.WebJobs.Extensions.Timers;

namespace PipelineFunctions.LocalHost.Jobs;

/// <summary>
/// The timers' schedule status (last and next occurrence, past-due checks) for the life of this host. The SDK's own
/// storage monitor in the served timer extension speaks the retired WindowsAzure.Storage API; a local host starts with
/// empty storage anyway, so memory holds what the blob would.
/// </summary>
public sealed class MemoryScheduleMonitor : ScheduleMonitor
{
    readonly ConcurrentDictionary<string, ScheduleStatus> _status = new();

    public override Task<ScheduleStatus> GetStatusAsync(string timerName) =>
        Task.FromResult(_status.GetValueOrDefault(timerName)!);

    public override Task UpdateStatusAsync(string timerName, ScheduleStatus status)
    {
        _status[timerName] = status;
        return Task.CompletedTask;
    }
}
