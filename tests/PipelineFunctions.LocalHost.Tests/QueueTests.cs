using System.Diagnostics;
using PipelineFunctions.LocalHost.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PipelineFunctions.LocalHost.Tests;

[Collection(HostCollection.Name)]
public sealed class QueueTests(HostFixture fixture, ITestOutputHelper output)
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_queue_message_is_processed_once_and_deleted()
    {
        var text = "ok-" + Guid.NewGuid().ToString("n");
        // The positive control: a message whose first try fails comes back by the way a message not deleted would.
        var control = "flaky-" + Guid.NewGuid().ToString("n");
        var watch = Stopwatch.StartNew();
        await fixture.WorkQueue.SendMessageAsync(text);
        await fixture.WorkQueue.SendMessageAsync(control);

        await fixture.Host.WaitForLogAsync(
            l => l.Contains($"sample-work {text} dequeue 1 ", StringComparison.Ordinal),
            Wait
        );
        output.WriteLine($"Queue pickup (send to the function's log line): {watch.ElapsedMilliseconds} ms");

        await fixture.Host.WaitForLogAsync(
            l => l.Contains($"sample-work {control} dequeue 2 ", StringComparison.Ordinal),
            Wait
        );
        await Eventually(async () =>
            (await fixture.WorkQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0
        );
        Assert.DoesNotContain(
            fixture.Host.Log,
            l => l.Contains($"sample-work {text} dequeue 2", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task A_second_queue_function_gets_its_own_queue_and_the_message_as_the_sdks_QueueMessage()
    {
        var text = "other-" + Guid.NewGuid().ToString("n");
        var sent = (await fixture.OtherQueue.SendMessageAsync(text)).Value;

        await fixture.Host.WaitForLogAsync(
            l => l.Contains($"sample-other {text} dequeue 1 id {sent.MessageId}", StringComparison.Ordinal),
            Wait
        );
        Assert.DoesNotContain(fixture.Host.Log, l => l.Contains($"sample-work {text}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_that_always_fails_is_tried_five_times_then_moved_to_poison()
    {
        var text = "poison-" + Guid.NewGuid().ToString("n");
        await fixture.WorkQueue.SendMessageAsync(text);

        for (var count = 1; count <= 5; count++)
            await fixture.Host.WaitForLogAsync(
                l => l.Contains($"sample-work {text} dequeue {count} ", StringComparison.Ordinal),
                Wait
            );
        await Eventually(async () =>
            (await fixture.WorkPoison.ExistsAsync()).Value
            && (await fixture.WorkPoison.PeekMessagesAsync(32)).Value.Any(m => m.Body.ToString() == text)
        );

        Assert.DoesNotContain(
            fixture.Host.Log,
            l => l.Contains($"sample-work {text} dequeue 6", StringComparison.Ordinal)
        );
        Assert.Contains(
            fixture.Host.Log,
            l => l.Contains("Executed Work (Failed System.InvalidOperationException", StringComparison.Ordinal)
        );
        // Exception messages never reach the host's console, and the host's own lines never carry a message body
        // (only the app's log lines, forwarded from the worker, may say what the app chose to say).
        Assert.DoesNotContain(fixture.Host.Log, l => l.Contains("always fails", StringComparison.Ordinal));
        Assert.DoesNotContain(
            fixture.Host.Log,
            l => l.Contains(text, StringComparison.Ordinal) && !l.Contains("WorkerChannel", StringComparison.Ordinal)
        );
    }

    internal static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The condition did not hold within the wait.");
            await Task.Delay(200);
        }
    }
}
