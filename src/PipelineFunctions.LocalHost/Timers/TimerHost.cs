using System.Text.Json.Nodes;
using PipelineFunctions.LocalHost.Configuration;
using PipelineFunctions.LocalHost.Rpc;
using PipelineFunctions.LocalHost.Worker;

namespace PipelineFunctions.LocalHost.Timers;

/// <summary>
/// Runs each timer function on its schedule, one run at a time, as the Functions host's singleton timer does (one
/// host here, so no lease). A run that fails is logged and the next occurrence comes as usual; missed ones are not
/// caught up.
/// </summary>
public sealed class TimerHost(FunctionCatalog catalog, WorkerSupervisor supervisor, TimeProvider clock, ILogger<TimerHost> logger) : BackgroundService
{
    static readonly TimeSpan WorkerWait = TimeSpan.FromMinutes(2);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(catalog.Timers.Select(timer => RunAsync(timer, stoppingToken)));

    async Task RunAsync(TimerFunction timer, CancellationToken ct)
    {
        DateTimeOffset? last = null;
        while (!ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            if (timer.Schedule.GetNextOccurrence(now, TimeZoneInfo.Utc) is not { } next) return;
            await Task.Delay(next - now, clock, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            if (ct.IsCancellationRequested) return;
            try
            {
                var worker = await supervisor.WaitReadyAsync(WorkerWait, ct);
                var info = new
                {
                    Schedule = new { AdjustForDST = true },
                    ScheduleStatus = new { Last = last ?? next, Next = timer.Schedule.GetNextOccurrence(next, TimeZoneInfo.Utc), LastUpdated = next },
                    IsPastDue = clock.GetUtcNow() - next > TimeSpan.FromSeconds(5),
                };
                await worker.InvokeAsync(timer.Name, Guid.NewGuid().ToString(), [new JsonObject { ["name"] = timer.BindingName, ["data"] = RpcData.Json(info) }],
                    new JsonObject(), traceparent: null);
            }
            catch (Exception e) when (e is WorkerUnavailableException or TimeoutException)
            {
                logger.LogWarning("Timer {Function} did not run ({Failure}); next at its schedule.", timer.Name, e.GetType().Name);
            }
            last = next;
        }
    }
}
