using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace SampleWorker;

/// <summary>A second queue function (a second WebJobs slot), bound to the SDK's own QueueMessage type.</summary>
public sealed class Other(ILogger<Other> logger)
{
    [Function("Other")]
    public void Run([QueueTrigger("%OtherQueue%")] QueueMessage message) =>
        logger.LogInformation(
            "sample-other {Body} dequeue {DequeueCount} id {Id}",
            message.Body.ToString(),
            message.DequeueCount,
            message.MessageId
        );
}
