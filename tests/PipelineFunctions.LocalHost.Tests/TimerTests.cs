using PipelineFunctions.LocalHost.Tests.Infrastructure;

namespace PipelineFunctions.LocalHost.Tests;

[Collection(HostCollection.Name)]
public sealed class TimerTests(HostFixture fixture)
{
    [Fact]
    public async Task A_timer_function_runs_on_its_schedule_with_its_timer_info_and_a_disabled_one_never_runs()
    {
        // Tick and Tock share one schedule: Tick's runs are the positive control for Tock's absence. Every 2 s is under
        // a minute, so the SDK keeps no schedule status for it (next: null), as the Functions host does.
        var first = await fixture.Host.WaitForLogAsync(
            l => l.Contains("sample-tick next (null) past due False", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30)
        );
        await fixture.Host.WaitForLogAsync(
            l => l.Contains("sample-tick next (null) past due False", StringComparison.Ordinal) && l != first,
            TimeSpan.FromSeconds(30)
        );

        Assert.DoesNotContain(fixture.Host.Log, l => l.Contains("sample-tock", StringComparison.Ordinal));
    }
}
