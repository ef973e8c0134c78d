using System.Diagnostics;
using PipelineFunctions.LocalHost.Configuration;

namespace PipelineFunctions.LocalHost.Worker;

/// <summary>
/// Keeps one worker running: starts it, waits for its stream, does the handshake, and when the process exits or the
/// stream drops fails what was in flight and starts a new one, as the Functions host does.
/// </summary>
public sealed class WorkerSupervisor(
    WorkerLauncher launcher,
    HostArguments arguments,
    HostJsonOptions hostJson,
    IHostApplicationLifetime lifetime,
    ILogger<WorkerSupervisor> logger
) : BackgroundService
{
    static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(90);
    static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(1);
    static readonly TimeSpan MaxRestartDelay = TimeSpan.FromSeconds(30);

    readonly Lock _gate = new();
    TaskCompletionSource<ReadyWorker> _ready = NewReady();
    (string Id, TaskCompletionSource<WorkerChannel> Channel)? _expected;

    /// <summary>The current worker once it is ready; during a restart this waits for the next one.</summary>
    public Task<ReadyWorker> WaitReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        lock (_gate)
            return _ready.Task.WaitAsync(timeout, ct);
    }

    /// <summary>Called by the gRPC service when a worker opens its stream; only the worker just launched is accepted.</summary>
    public bool Attach(string? workerId, WorkerChannel channel)
    {
        lock (_gate)
        {
            if (_expected is not { } expected || expected.Id != workerId)
                return false;
            return expected.Channel.TrySetResult(channel);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Stop the worker as soon as shutdown begins: Kestrel's shutdown waits for the worker's open stream.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(
            stoppingToken,
            lifetime.ApplicationStopping
        );
        // The worker connects at once and exits if the gRPC port is not listening yet: start it once Kestrel is up.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stopping.Token);
        await RunAsync(stopping.Token);
    }

    async Task RunAsync(CancellationToken stoppingToken)
    {
        var delay = RestartDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wasReady = false;
            var workerId = Guid.NewGuid().ToString();
            var connected = new TaskCompletionSource<WorkerChannel>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
                _expected = (workerId, connected);
            Process? process = null;
            WorkerChannel? channel = null;
            try
            {
                process = launcher.Start(workerId);
                var exited = process.WaitForExitAsync(stoppingToken);
                // A worker that dies before it connects is seen at once, not at the timeout.
                if (
                    await Task.WhenAny(connected.Task, exited, Task.Delay(ConnectTimeout, stoppingToken))
                    != connected.Task
                )
                    throw new WorkerUnavailableException();
                channel = await connected.Task;
                var ready = await ReadyWorker
                    .HandshakeAsync(channel, arguments.AppFolder, process.Id, hostJson.FunctionTimeout, logger)
                    .WaitAsync(ConnectTimeout, stoppingToken);
                lock (_gate)
                    _ready.TrySetResult(ready);
                wasReady = true;
                logger.LogInformation("Worker {Pid} ready: {Count} functions loaded.", process.Id, ready.FunctionCount);
                await Task.WhenAny(exited, channel.Closed, Task.Delay(Timeout.Infinite, stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                logger.LogWarning("Worker start failed ({Failure}).", e.GetType().Name);
            }
            finally
            {
                // New callers wait for the next worker; in-flight ones fail now rather than at their timeout.
                lock (_gate)
                {
                    if (_ready.Task.IsCompleted)
                        _ready = NewReady();
                    _expected = null;
                }
                channel?.Close();
                if (process is not null)
                {
                    WorkerLauncher.Stop(process);
                    if (!stoppingToken.IsCancellationRequested)
                        LogExit(process);
                    process.Dispose();
                }
            }
            // A worker killed after it was ready comes back at once (fault tests kill it at will); one that never got
            // ready (a broken build, a missing setting) is retried ever more slowly.
            delay = wasReady ? RestartDelay : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRestartDelay.Ticks));
            if (!stoppingToken.IsCancellationRequested)
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    void LogExit(Process process)
    {
        var code = process.HasExited
            ? process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "unknown";
        logger.LogWarning("Worker {Pid} is gone (exit code {Code}); starting a new one.", process.Id, code);
    }

    static TaskCompletionSource<ReadyWorker> NewReady() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
