using System.Diagnostics;
using PipelineFunctions.LocalHost.Tests.Infrastructure;

namespace PipelineFunctions.LocalHost.Tests;

[Collection(HostCollection.Name)]
public sealed class WorkerRestartTests(HostFixture fixture)
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_killed_worker_is_replaced_and_the_new_one_processes_messages_and_requests()
    {
        var second = await KillWorkerAsync(fixture.Host.WorkerPid);

        // At once, while the new worker may still be starting: the request waits for it.
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress, Timeout = Wait };
        Assert.Equal("hello cy (0) ", await http.GetStringAsync("/api/greet/cy"));
        var text = "after-kill-" + Guid.NewGuid().ToString("n");
        await fixture.WorkQueue.SendMessageAsync(text);
        await fixture.Host.WaitForLogAsync(
            l => l.Contains($"sample-work {text} dequeue 1 pid {second}", StringComparison.Ordinal),
            Wait
        );
    }

    [Fact]
    public async Task A_message_in_flight_when_the_worker_dies_is_retried_on_the_next_worker()
    {
        var (text, first) = await StartSlowAsync("slow-");

        var second = await KillWorkerAsync(first);

        await fixture.Host.WaitForLogAsync(
            l => l.Contains($"sample-work {text} dequeue 2 pid {second}", StringComparison.Ordinal),
            Wait
        );
        await QueueTests.Eventually(async () =>
            (await fixture.WorkQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0
        );
    }

    [Fact]
    public async Task A_function_past_the_function_timeout_fails_its_worker_is_restarted_and_the_message_is_retried()
    {
        // The sample's host.json: functionTimeout 8 s; a "slow" message hangs for minutes on its first try.
        var (text, first) = await StartSlowAsync("slow-overrun-");

        await fixture.Host.WaitForLogAsync(
            l =>
                l.Contains("Timeout value of 00:00:08 exceeded by function Work", StringComparison.Ordinal)
                && l.Contains($"worker {first} is restarted", StringComparison.Ordinal),
            Wait
        );
        await QueueTests.Eventually(() => Task.FromResult(fixture.Host.WorkerPid != first));

        await fixture.Host.WaitForLogAsync(
            l => l.Contains($"sample-work {text} dequeue 2 pid {fixture.Host.WorkerPid}", StringComparison.Ordinal),
            Wait
        );
        await QueueTests.Eventually(async () =>
            (await fixture.WorkQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0
        );
    }

    /// <summary>Sends a message that hangs on its first try and returns it with the PID of the worker running it.</summary>
    async Task<(string Text, int Pid)> StartSlowAsync(string prefix)
    {
        var text = prefix + Guid.NewGuid().ToString("n");
        await fixture.WorkQueue.SendMessageAsync(text);
        var line = await fixture.Host.WaitForLogAsync(
            l => l.Contains($"sample-work {text} dequeue 1 pid", StringComparison.Ordinal),
            Wait
        );
        return (
            text,
            int.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)
        );
    }

    /// <summary>Kills the worker as a crash would and returns the PID of the one the host starts instead.</summary>
    async Task<int> KillWorkerAsync(int pid)
    {
        using (var worker = Process.GetProcessById(pid))
            worker.Kill(entireProcessTree: true);
        await QueueTests.Eventually(() =>
            Task.FromResult(File.Exists(fixture.Host.PidFile) && fixture.Host.WorkerPid != pid)
        );
        return fixture.Host.WorkerPid;
    }
}
