using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace SampleWorker;

/// <summary>
/// Logs what it got (the tests read it from the host's console). "poison…" always throws; "flaky…" throws on its first
/// try only; "slow…" hangs on its first try, so a test can kill the worker in the middle of it.
/// </summary>
public sealed class Work(ILogger<Work> logger)
{
    [Function("Work")]
    public async Task Run(
        [QueueTrigger("%WorkQueue%", Connection = "AzureWebJobsStorage")] string message,
        long dequeueCount
    )
    {
        logger.LogInformation(
            "sample-work {Message} dequeue {DequeueCount} pid {Pid}",
            message,
            dequeueCount,
            Environment.ProcessId
        );
        if (message.StartsWith("poison", StringComparison.Ordinal))
            throw new InvalidOperationException("always fails");
        if (message.StartsWith("flaky", StringComparison.Ordinal) && dequeueCount == 1)
            throw new InvalidOperationException("first try fails");
        if (message.StartsWith("slow", StringComparison.Ordinal) && dequeueCount == 1)
            await Task.Delay(TimeSpan.FromMinutes(5));
    }
}
