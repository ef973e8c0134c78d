using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Queues;
using PipelineFunctions.LocalHost.Configuration;

namespace PipelineFunctions.LocalHost.Jobs;

/// <summary>
/// Messages handed to the worker whose outcome storage may not have heard. The WebJobs listener hides a message for ten
/// minutes while it runs and shows it again only when storage answers; when storage was gone at that moment the message
/// stays hidden. After the queue listeners are rebuilt, these are made visible again so they are retried at once.
/// A message whose lease has moved on (handled, or released by the listener after all) is simply passed over.
/// </summary>
public sealed class LeasedMessages(ILogger<LeasedMessages> logger)
{
    readonly ConcurrentDictionary<(string Connection, string Queue, string MessageId), string> _leases = new();

    public void Started(QueueFunction function, string messageId, string popReceipt) =>
        _leases[(function.ConnectionString, function.QueueName, messageId)] = popReceipt;

    public void Succeeded(QueueFunction function, string messageId) =>
        _leases.TryRemove((function.ConnectionString, function.QueueName, messageId), out _);

    /// <summary>Shows every remembered message again; false when storage does not answer yet (try later).</summary>
    public async Task<bool> ReleaseAsync(CancellationToken ct)
    {
        int shown = 0,
            movedOn = 0;
        foreach (var ((connection, queue, id), receipt) in _leases)
        {
            try
            {
                await new QueueClient(connection, queue).UpdateMessageAsync(
                    id,
                    receipt,
                    visibilityTimeout: TimeSpan.Zero,
                    cancellationToken: ct
                );
                shown++;
            }
            catch (RequestFailedException e) when (e.Status is 400 or 404)
            {
                movedOn++;
            }
            catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException)
            {
                return false;
            }
            _leases.TryRemove((connection, queue, id), out _);
        }
        if (shown + movedOn > 0)
            logger.LogInformation(
                "Storage is back: {Shown} messages left hidden shown again, {MovedOn} had moved on.",
                shown,
                movedOn
            );
        return true;
    }
}
