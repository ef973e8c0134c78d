using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PipelineFunctions.Integration.Tests.Infrastructure;

/// <summary>
/// The real function app as Azure runs it: the local host (our stand-in for the Functions host) starting the real
/// isolated worker, against the real local Azurite and cosmosdb-server that ./test.sh starts. It keeps every line the
/// host and the worker log, so tests can check that no identifier or transcript text ever reaches a log.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    readonly ConcurrentQueue<string> _log = new();
    readonly Dictionary<string, string> _environment;
    Process? _process;

    public AppProcess(Dictionary<string, string> environment) => _environment = environment;

    /// <summary>The port the host bound (it is started with <c>--port 0</c> and names it), known once started.</summary>
    public int Port { get; private set; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public IReadOnlyCollection<string> Log => _log;
    public bool HasExited => _process is null || _process.HasExited;

    public static string AppFolder => Path.Combine(RepoPaths.Root, "src", "PipelineFunctions.App");

    /// <summary>Where the host writes the worker's process id each time it starts one.</summary>
    public string WorkerPidFile { get; } = Path.Combine(Path.GetTempPath(), $"pipeline-worker-{Guid.NewGuid():n}.pid");

    /// <summary>The built worker app; functions.metadata lies beside it.</summary>
    public static string AppDll => Built("PipelineFunctions.App", "PipelineFunctions.App.dll");

    static string Built(string project, string dll)
    {
        var folder = Path.Combine(RepoPaths.Root, "src", project, "bin");
        return Path.Combine(
            folder,
            Directory.Exists(Path.Combine(folder, "Release")) ? "Release" : "Debug",
            "net10.0",
            dll
        );
    }

    public async Task StartAsync()
    {
        var host = Built("PipelineFunctions.LocalHost", "PipelineFunctions.LocalHost.dll");
        var app = Path.GetDirectoryName(AppDll)!;
        var start = new ProcessStartInfo(
            "dotnet",
            [host, "--app", app, "--port", "0", "--worker-pid-file", WorkerPidFile]
        )
        {
            WorkingDirectory = AppFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (k, v) in _environment)
            start.Environment[k] = v;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                _log.Enqueue(e.Data);
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                _log.Enqueue(e.Data);
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (Port == 0)
        {
            if (_process.HasExited)
                throw new InvalidOperationException(
                    $"The app exited at start:\n{string.Join('\n', _log.TakeLast(30))}"
                );
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The host named no port within 90 s.");
            if (_log.Select(l => ServingLine().Match(l)).FirstOrDefault(m => m.Success) is { } serving)
                Port = int.Parse(serving.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            else
                await Task.Delay(100);
        }
        using var http = new HttpClient { BaseAddress = BaseAddress };
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException(
                    $"The app exited at start:\n{string.Join('\n', _log.TakeLast(30))}"
                );
            try
            {
                using var response = await http.GetAsync("/app/admin/status.html");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("The app did not start within 90 s.");
    }

    /// <summary>Kills the worker process outright, as a crash would; the host notices and starts a new one.</summary>
    public async Task KillWorkerAsync()
    {
        var pid = int.Parse(
            await File.ReadAllTextAsync(WorkerPidFile),
            System.Globalization.CultureInfo.InvariantCulture
        );
        try
        {
            using var worker = Process.GetProcessById(pid);
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
        }
        catch (ArgumentException) { } // gone already
    }

    /// <summary>Kills the host and its worker outright, as a crash or a scale-in would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        File.Delete(WorkerPidFile);
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"functions on http://127\.0\.0\.1:(\d+);")]
    private static partial Regex ServingLine();
}
