using Microsoft.Azure.WebJobs.Host;
using PipelineFunctions.LocalHost.Configuration;
using PipelineFunctions.LocalHost.Jobs;

namespace PipelineFunctions.LocalHost.Tests;

/// <summary>host.json as the Functions host reads it, and its queue settings as they reach the WebJobs queue listener.</summary>
public sealed class HostJsonOptionsTests
{
    [Fact]
    public void The_queue_settings_and_the_function_timeout_reach_the_listener_and_the_invocations()
    {
        var host = HostJsonOptions.Parse(
            """
            { "functionTimeout": "00:02:30",
              "extensions": { "queues": { "batchSize": 8, "newBatchThreshold": 3, "maxPollingInterval": "00:00:00.200",
                "visibilityTimeout": "00:00:02", "maxDequeueCount": 4, "messageEncoding": "none" } } }
            """
        );
        var options = new QueuesOptions();

        JobHostRunner.Configure(options, host);

        Assert.Equal(TimeSpan.FromSeconds(150), host.FunctionTimeout);
        Assert.Equal(
            (8, 3, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2), 4),
            (
                options.BatchSize,
                options.NewBatchThreshold,
                options.MaxPollingInterval,
                options.VisibilityTimeout,
                options.MaxDequeueCount
            )
        );
        Assert.Equal(Azure.Storage.Queues.QueueMessageEncoding.None, options.MessageEncoding);
    }

    [Fact]
    public void Without_them_the_Functions_hosts_defaults_hold()
    {
        var host = HostJsonOptions.Parse("{}");
        var options = new QueuesOptions();

        JobHostRunner.Configure(options, host);

        Assert.Equal(("api", TimeSpan.FromMinutes(30)), (host.RoutePrefix, host.FunctionTimeout));
        // The SDK's own default, as documented for the Functions host: half the batch per processor.
        Assert.Equal(
            (16, 16 / 2 * Environment.ProcessorCount, 5),
            (options.BatchSize, options.NewBatchThreshold, options.MaxDequeueCount)
        );
        Assert.Equal(Azure.Storage.Queues.QueueMessageEncoding.Base64, options.MessageEncoding);
    }

    [Fact]
    public void A_function_timeout_of_minus_one_is_no_limit() =>
        Assert.Equal(
            Timeout.InfiniteTimeSpan,
            HostJsonOptions.Parse("""{ "functionTimeout": "-1" }""").FunctionTimeout
        );
}
