using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace SampleWorker;

/// <summary>Two timers on the same schedule: the tests disable <c>Tock</c> by its app setting and see only <c>Tick</c> run.</summary>
public sealed class Tick(ILogger<Tick> logger)
{
    [Function("Tick")]
    public void RunTick([TimerTrigger("%TickSchedule%")] TimerInfo timer) =>
        logger.LogInformation(
            "sample-tick next {Next:O} past due {PastDue}",
            timer.ScheduleStatus?.Next,
            timer.IsPastDue
        );

    [Function("Tock")]
    public void RunTock([TimerTrigger("%TickSchedule%")] TimerInfo timer) => logger.LogInformation("sample-tock");
}
