using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;

namespace PipelineFunctions.LocalHost.Jobs;

/// <summary>
/// WebJobs functions bind their queue in an attribute, but our queue names come from functions.metadata at run time:
/// so a fixed set of slots whose queue, connection and on/off are settings (<see cref="SlotMap"/>). The WebJobs
/// queue listener then does everything the Functions host does: polling with back-off, batches, visibility timeout,
/// dequeue count and the <c>-poison</c> queue.
/// </summary>
public sealed class QueueSlots(QueueDispatcher dispatcher)
{
    [Disable("LocalHostSlot00Disabled")]
    public Task Slot00(
        [QueueTrigger("%LocalHostSlot00%", Connection = "LocalHostSlot00Connection")] QueueMessage message,
        CancellationToken ct
    ) => dispatcher.RunAsync(0, message, ct);

    [Disable("LocalHostSlot01Disabled")]
    public Task Slot01(
        [QueueTrigger("%LocalHostSlot01%", Connection = "LocalHostSlot01Connection")] QueueMessage message,
        CancellationToken ct
    ) => dispatcher.RunAsync(1, message, ct);

    [Disable("LocalHostSlot02Disabled")]
    public Task Slot02(
        [QueueTrigger("%LocalHostSlot02%", Connection = "LocalHostSlot02Connection")] QueueMessage message,
        CancellationToken ct
    ) => dispatcher.RunAsync(2, message, ct);

    [Disable("LocalHostSlot03Disabled")]
    public Task Slot03(
        [QueueTrigger("%LocalHostSlot03%", Connection = "LocalHostSlot03Connection")] QueueMessage message,
        CancellationToken ct
    ) => dispatcher.RunAsync(3, message, ct);

    [Disable("LocalHostSlot04Disabled")]
    public Task Slot04(
        [QueueTrigger("%LocalHostSlot04%", Connection = "LocalHostSlot04Connection")] QueueMessage message,
        CancellationToken ct
    ) => dispatcher.RunAsync(4, message, ct);

    [Disable("LocalHostSlot05Disabled")]
    public Task Slot05(
        [QueueTrigger("%LocalHostSlot05%", Connection = "LocalHostSlot05Connection")] QueueMessage message,
        CancellationToken ct
    ) => dispatcher.RunAsync(5, message, ct);

    [Disable("LocalHostSlot06Disabled")]
    public Task Slot06(
        [QueueTrigger("%LocalHostSlot06%", Connection = "LocalHostSlot06Connection")] QueueMessage message,
        CancellationToken ct
    ) => dispatcher.RunAsync(6, message, ct);

    [Disable("LocalHostSlot07Disabled")]
    public Task Slot07(
        [QueueTrigger("%LocalHostSlot07%", Connection = "LocalHostSlot07Connection")] QueueMessage message,
        CancellationToken ct
    ) => dispatcher.RunAsync(7, message, ct);

    [Disable("LocalHostSlot08Disabled")]
    public Task Slot08(
        [QueueTrigger("%LocalHostSlot08%", Connection = "LocalHostSlot08Connection")] QueueMessage message,
        CancellationToken ct
    ) => dispatcher.RunAsync(8, message, ct);

    [Disable("LocalHostSlot09Disabled")]
    public Task Slot09(
        [QueueTrigger("%LocalHostSlot09%", Connection = "LocalHostSlot09Connection")] QueueMessage message,
        CancellationToken ct
    ) => dispatcher.RunAsync(9, message, ct);

    [Disable("LocalHostSlot10Disabled")]
    public Task Slot10(
        [QueueTrigger("%LocalHostSlot10%", Connection = "LocalHostSlot10Connection")] QueueMessage message,
        CancellationToken ct
    ) => dispatcher.RunAsync(10, message, ct);

    [Disable("LocalHostSlot11Disabled")]
    public Task Slot11(
        [QueueTrigger("%LocalHostSlot11%", Connection = "LocalHostSlot11Connection")] QueueMessage message,
        CancellationToken ct
    ) => dispatcher.RunAsync(11, message, ct);

    [Disable("LocalHostSlot12Disabled")]
    public Task Slot12(
        [QueueTrigger("%LocalHostSlot12%", Connection = "LocalHostSlot12Connection")] QueueMessage message,
        CancellationToken ct
    ) => dispatcher.RunAsync(12, message, ct);

    [Disable("LocalHostSlot13Disabled")]
    public Task Slot13(
        [QueueTrigger("%LocalHostSlot13%", Connection = "LocalHostSlot13Connection")] QueueMessage message,
        CancellationToken ct
    ) => dispatcher.RunAsync(13, message, ct);

    [Disable("LocalHostSlot14Disabled")]
    public Task Slot14(
        [QueueTrigger("%LocalHostSlot14%", Connection = "LocalHostSlot14Connection")] QueueMessage message,
        CancellationToken ct
    ) => dispatcher.RunAsync(14, message, ct);

    [Disable("LocalHostSlot15Disabled")]
    public Task Slot15(
        [QueueTrigger("%LocalHostSlot15%", Connection = "LocalHostSlot15Connection")] QueueMessage message,
        CancellationToken ct
    ) => dispatcher.RunAsync(15, message, ct);
}
