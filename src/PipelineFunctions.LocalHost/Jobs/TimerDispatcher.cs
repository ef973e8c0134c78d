using System.Text.Json.Nodes;
using Microsoft.Azure.WebJobs;
using PipelineFunctions.LocalHost.Rpc;
using PipelineFunctions.LocalHost.Worker;

namespace PipelineFunctions.LocalHost.Jobs;

/// <summary>
/// Hands a timer slot's tick to the worker with the <c>TimerInfo</c> the worker binds. A run that fails is logged by the
/// invocation and the next occurrence comes as usual, as in the Functions host.
/// </summary>
public sealed class TimerDispatcher(SlotMap map, WorkerSupervisor supervisor, ILogger<TimerDispatcher> logger)
{
    static readonly TimeSpan WorkerWait = TimeSpan.FromMinutes(2);

    public async Task RunAsync(int slot, TimerInfo timer, CancellationToken ct)
    {
        var function = map.Timers[slot];
        try
        {
            var worker = await supervisor.WaitReadyAsync(WorkerWait, ct);
            var info = new
            {
                Schedule = new { AdjustForDST = true },
                timer.ScheduleStatus,
                timer.IsPastDue,
            };
            await worker.InvokeAsync(
                function.Name,
                Guid.NewGuid().ToString(),
                [new JsonObject { ["name"] = function.BindingName, ["data"] = RpcData.Json(info) }],
                new JsonObject(),
                traceparent: null
            );
        }
        catch (Exception e) when (e is WorkerUnavailableException or TimeoutException or FunctionTimeoutException)
        {
            logger.LogWarning(
                "Timer {Function} did not run ({Failure}); next at its schedule.",
                function.Name,
                e.GetType().Name
            );
        }
    }
}
