using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace SampleWorker;

/// <summary>Logs what it got (the tests read it from the host's console); a message "poison" always throws.</summary>
public sealed class Work(ILogger<Work> logger)
{
    [Function("Work")]
    public void Run([QueueTrigger("%WorkQueue%", Connection = "AzureWebJobsStorage")] string message, long dequeueCount)
    {
        logger.LogInformation("sample-work {Message} dequeue {DequeueCount} pid {Pid}", message, dequeueCount, Environment.ProcessId);
        if (message.StartsWith("poison", StringComparison.Ordinal)) throw new InvalidOperationException("always fails");
    }
}
