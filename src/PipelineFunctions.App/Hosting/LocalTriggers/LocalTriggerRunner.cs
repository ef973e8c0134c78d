using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues.Models;
using PipelineFunctions.App.Hosting.CustomHandler;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage.Queues;

namespace PipelineFunctions.App.Hosting.LocalTriggers;

/// <summary>
/// Does locally what the Functions host does in Azure: polls the queues that the function.json files declare,
/// builds the host's invocation payload and calls the function through <see cref="FunctionInvoker"/>. Honours host.json:
/// batch size, back-off polling up to maxPollingInterval, visibilityTimeout after a failure, and poison after
/// maxDequeueCount. A message is leased while it runs, so a killed process leaves it to reappear.
/// </summary>
public sealed class LocalTriggerRunner(
    FunctionDefinitions definitions, FunctionInvoker invoker, PipelineQueues queues, PipelineSettings settings,
    ILogger<LocalTriggerRunner> logger) : BackgroundService
{
    static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(definitions.QueueTriggers.Select(t => PollAsync(t, stoppingToken)));

    async Task PollAsync(QueueTriggerDefinition trigger, CancellationToken ct)
    {
        var queue = queues.Get(trigger.QueueName);
        var lease = TimeSpan.FromSeconds(settings.LocalLeaseSeconds);
        var interval = MinPollingInterval;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                QueueMessage[] messages = await queue.ReceiveMessagesAsync(definitions.Queues.BatchSize, lease, ct);
                if (messages.Length == 0)
                {
                    await Task.Delay(interval, ct);
                    interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, definitions.Queues.MaxPollingInterval.Ticks));
                    continue;
                }
                interval = MinPollingInterval;
                await Task.WhenAll(messages.Select(m => RunAsync(trigger, m, ct)));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                // Storage unreachable: wait and poll again, as the host does.
                logger.LogWarning("Queue {Queue} poll failed ({Failure}); retrying.", trigger.QueueName, e.GetType().Name);
                await Task.Delay(definitions.Queues.MaxPollingInterval, ct).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    async Task RunAsync(QueueTriggerDefinition trigger, QueueMessage message, CancellationToken ct)
    {
        var queue = queues.Get(trigger.QueueName);
        var max = definitions.Queues.MaxDequeueCount;
        if (message.DequeueCount > max)
        {
            await MoveToPoisonAsync(trigger.QueueName, message, ct);
            return;
        }
        var (status, _) = await invoker.InvokeAsync(trigger.FunctionName, Payload(trigger, message), Guid.NewGuid().ToString("n"), ct);
        if (status is >= 200 and < 300)
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        else if (message.DequeueCount >= max)
            await MoveToPoisonAsync(trigger.QueueName, message, ct);
        else
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: definitions.Queues.VisibilityTimeout, cancellationToken: ct);
    }

    async Task MoveToPoisonAsync(string queueName, QueueMessage message, CancellationToken ct)
    {
        await queues.Get(PipelineQueues.PoisonOf(queueName)).SendMessageAsync(message.Body, cancellationToken: ct);
        await queues.Get(queueName).DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        logger.LogWarning("Message {MessageId} moved to {Queue} after {Count} tries.", message.MessageId, PipelineQueues.PoisonOf(queueName), message.DequeueCount);
    }

    /// <summary>The payload exactly as the Functions host sends it: strings JSON-encoded twice, numbers as strings.</summary>
    public static string Payload(QueueTriggerDefinition trigger, QueueMessage message)
    {
        static string Twice(string s) => JsonSerializer.Serialize(s);
        var payload = new JsonObject
        {
            ["Data"] = new JsonObject { [trigger.BindingName] = Twice(message.Body.ToString()) },
            ["Metadata"] = new JsonObject
            {
                ["DequeueCount"] = message.DequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Id"] = Twice(message.MessageId),
                ["PopReceipt"] = Twice(message.PopReceipt),
                ["InsertionTime"] = message.InsertedOn?.ToString("O"),
                ["ExpirationTime"] = message.ExpiresOn?.ToString("O"),
                ["NextVisibleTime"] = message.NextVisibleOn?.ToString("O"),
                ["sys"] = new JsonObject
                {
                    ["MethodName"] = trigger.FunctionName,
                    ["UtcNow"] = DateTimeOffset.UtcNow.ToString("O"),
                    ["RandGuid"] = Guid.NewGuid().ToString(),
                },
            },
        };
        return payload.ToJsonString();
    }
}
