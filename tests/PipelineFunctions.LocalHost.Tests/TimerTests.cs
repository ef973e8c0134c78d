using PipelineFunctions.LocalHost.Tests.Infrastructure;

namespace PipelineFunctions.LocalHost.Tests;

[Collection(HostCollection.Name)]
public sealed class TimerTests(HostFixture fixture)
{
    [Fact]
    public async Task A_timer_function_runs_on_its_schedule_with_its_timer_info_and_a_disabled_one_never_runs()
    {
        await fixture.Host.WaitForLogAsync(l => l.Contains("sample-tick next 20", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var first = fixture.Host.Log.Count(l => l.Contains("sample-tick", StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.True(fixture.Host.Log.Count(l => l.Contains("sample-tick", StringComparison.Ordinal)) > first, "the timer ran once only");
        Assert.DoesNotContain(fixture.Host.Log, l => l.Contains("sample-tock", StringComparison.Ordinal));
    }
}
