using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using PipelineFunctions.LocalHost.Rpc;
using PipelineFunctions.LocalHost.Worker;

namespace PipelineFunctions.LocalHost.Jobs;

/// <summary>
/// Hands a slot's message to the worker with the trigger metadata the Functions host sends, and throws when the
/// function failed so that the WebJobs SDK retries it and finally moves it to poison.
/// </summary>
public sealed class QueueDispatcher(SlotMap map, WorkerSupervisor supervisor, LeasedMessages leases)
{
    static readonly TimeSpan WorkerWait = TimeSpan.FromMinutes(2);

    public async Task RunAsync(int slot, QueueMessage message, CancellationToken ct)
    {
        var function = map.Queues[slot];
        var worker = await supervisor.WaitReadyAsync(WorkerWait, ct);
        var body = RpcData.Body(message.Body);
        var trigger = new JsonObject
        {
            ["QueueTrigger"] = body.DeepClone(),
            ["Id"] = RpcData.String(message.MessageId),
            ["DequeueCount"] = RpcData.Json(message.DequeueCount),
            ["PopReceipt"] = RpcData.String(message.PopReceipt),
            ["InsertionTime"] = RpcData.Json(message.InsertedOn),
            ["ExpirationTime"] = RpcData.Json(message.ExpiresOn),
            ["NextVisibleTime"] = RpcData.Json(message.NextVisibleOn),
        };
        var input = new JsonArray(
            new JsonObject
            {
                ["name"] = function.BindingName,
                ["data"] = function.DeferredBinding ? ModelBindingData(message) : body,
            }
        );
        leases.Started(function, message.MessageId, message.PopReceipt);
        var outcome = await worker.InvokeAsync(
            function.Name,
            Guid.NewGuid().ToString(),
            input,
            trigger,
            traceparent: null
        );
        if (!outcome.Succeeded)
            throw new FunctionFailedException(function.Name, outcome.ExceptionType ?? "UnknownFailure");
        leases.Succeeded(function, message.MessageId);
    }

    /// <summary>What the WebJobs queue extension hands the Functions host for an SDK-typed parameter, and the worker's converter reads.</summary>
    static JsonObject ModelBindingData(QueueMessage message) =>
        new()
        {
            ["modelBindingData"] = new JsonObject
            {
                ["version"] = "1.0",
                ["source"] = "AzureStorageQueues",
                ["contentType"] = "application/json",
                ["content"] = Convert.ToBase64String(
                    JsonSerializer.SerializeToUtf8Bytes(
                        new
                        {
                            message.MessageId,
                            message.PopReceipt,
                            MessageText = message.Body.ToString(),
                            message.DequeueCount,
                            message.InsertedOn,
                            message.ExpiresOn,
                            message.NextVisibleOn,
                        }
                    )
                ),
            },
        };
}
