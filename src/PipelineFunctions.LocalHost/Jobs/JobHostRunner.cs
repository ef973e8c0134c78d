using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Extensions.Timers;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Azure.WebJobs.Host.Timers;
using PipelineFunctions.LocalHost.Configuration;

namespace PipelineFunctions.LocalHost.Jobs;

/// <summary>
/// The WebJobs job host that runs the queue and timer slots, kept as the Functions host keeps its script host: when a listener
/// fails (storage unreachable past the SDK's retries), that job host is torn down and a new one started after a pause,
/// where the SDK's default handler would end the process. Messages in flight meanwhile come back by their visibility.
/// </summary>
public sealed class JobHostRunner(
    QueueDispatcher queues,
    TimerDispatcher timers,
    LeasedMessages leases,
    SlotMap slots,
    HostJsonOptions hostJson,
    AppSettings settings,
    ILoggerFactory loggers,
    ILogger<JobHostRunner> logger
) : BackgroundService
{
    static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

    // Lock leases (the timers' singleton) are named by the host id: each local host is an app of its own, so that two
    // hosts on one Azurite never hold each other's timers.
    readonly string _hostId = "localhost-" + Guid.NewGuid().ToString("n")[..16];
    readonly MemoryScheduleMonitor _schedules = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var failed = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
            var host = Build(failed);
            try
            {
                await host.StartAsync(stoppingToken);
                var ended = await Task.WhenAny(failed.Task, Task.Delay(Timeout.Infinite, stoppingToken));
                if (ended == failed.Task)
                    logger.LogWarning(
                        "Job listeners failed ({Failure}); starting them again in {Pause} s.",
                        failed.Task.Result.GetType().Name,
                        Pause.TotalSeconds
                    );
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                logger.LogWarning(
                    "Job listeners could not start ({Failure}); trying again in {Pause} s.",
                    e.GetType().Name,
                    Pause.TotalSeconds
                );
            }
            finally
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await host.StopAsync(stop.Token);
                }
                catch (Exception e)
                    when (e
                            is OperationCanceledException
                                or AggregateException
                                or InvalidOperationException
                                or Azure.RequestFailedException
                    ) { }
                // A job host torn down after a storage failure can throw from Dispose (a singleton lock's renewal timer
                // already stopped); that must not end this loop, or the listeners never come back.
                try
                {
                    host.Dispose();
                }
                catch (Exception e)
                    when (e is InvalidOperationException or AggregateException or ObjectDisposedException)
                {
                    logger.LogWarning("Job host dispose failed ({Failure}); carrying on.", e.GetType().Name);
                }
            }
            // Until storage answers again, messages left hidden by the failure cannot be shown; the next round tries again.
            do await Task.Delay(Pause, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            while (!stoppingToken.IsCancellationRequested && !await leases.ReleaseAsync(stoppingToken));
        }
    }

    IHost Build(TaskCompletionSource<Exception> failed) =>
        new HostBuilder()
            .ConfigureAppConfiguration(c =>
                c.AddInMemoryCollection(slots.Settings)
                    .AddInMemoryCollection([
                        new(AppSettings.StorageSetting, settings.ConnectionString(AppSettings.StorageSetting)),
                    ])
            )
            .ConfigureWebJobs(webJobs =>
            {
                webJobs.UseHostId(_hostId);
                webJobs.AddAzureStorageCoreServices();
                webJobs.AddAzureStorageQueues(o => Configure(o, hostJson));
                webJobs.AddTimers();
            })
            .ConfigureServices(services =>
                services
                    .AddSingleton(loggers)
                    .AddSingleton(queues)
                    .AddSingleton(timers)
                    .AddSingleton<ScheduleMonitor>(_schedules)
                    .AddSingleton<ITypeLocator, SlotTypeLocator>()
                    .AddSingleton<IWebJobsExceptionHandlerFactory>(new FailureHandlerFactory(failed))
            )
            .Build();

    /// <summary>host.json's <c>extensions.queues</c> as the Functions host applies them (newBatchThreshold unset: the SDK's batchSize / 2 per processor).</summary>
    public static void Configure(QueuesOptions options, HostJsonOptions hostJson)
    {
        options.BatchSize = hostJson.BatchSize;
        if (hostJson.NewBatchThreshold is { } threshold)
            options.NewBatchThreshold = threshold;
        options.MaxPollingInterval = hostJson.MaxPollingInterval;
        options.VisibilityTimeout = hostJson.VisibilityTimeout;
        options.MaxDequeueCount = hostJson.MaxDequeueCount;
        options.MessageEncoding = hostJson.Base64Messages
            ? Azure.Storage.Queues.QueueMessageEncoding.Base64
            : Azure.Storage.Queues.QueueMessageEncoding.None;
    }

    /// <summary>Reports a listener's unhandled failure to the loop above instead of ending the process.</summary>
    sealed class FailureHandlerFactory(TaskCompletionSource<Exception> failed)
        : IWebJobsExceptionHandlerFactory,
            IWebJobsExceptionHandler
    {
        public IWebJobsExceptionHandler Create(IHost jobHost) => this;

        public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod) =>
            OnUnhandledExceptionAsync(exceptionInfo);

        public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
        {
            failed.TrySetResult(exceptionInfo.SourceException);
            return Task.CompletedTask;
        }
    }
}
