using System.Diagnostics;
using PipelineFunctions.LocalHost.Tests.Infrastructure;

namespace PipelineFunctions.LocalHost.Tests;

[Collection(HostCollection.Name)]
public sealed class WorkerRestartTests(HostFixture fixture)
{
    [Fact]
    public async Task A_killed_worker_is_replaced_and_the_new_one_processes_messages_and_requests()
    {
        var first = fixture.Host.WorkerPid;
        using (var worker = Process.GetProcessById(first)) worker.Kill(entireProcessTree: true);

        await QueueTests.Eventually(() => Task.FromResult(File.Exists(fixture.Host.PidFile) && fixture.Host.WorkerPid != first));
        var second = fixture.Host.WorkerPid;
        var text = "after-kill-" + Guid.NewGuid().ToString("n");
        await fixture.WorkQueue.SendMessageAsync(text);

        await fixture.Host.WaitForLogAsync(l => l.Contains($"sample-work {text} dequeue 1 pid {second}", StringComparison.Ordinal), TimeSpan.FromSeconds(90));
        using var http = new HttpClient { BaseAddress = fixture.Host.BaseAddress, Timeout = TimeSpan.FromSeconds(90) };
        Assert.Equal("hello cy (0) ", await http.GetStringAsync("/api/greet/cy"));
    }
}
