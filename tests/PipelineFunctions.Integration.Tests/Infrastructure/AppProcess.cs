using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PipelineFunctions.Integration.Tests.Infrastructure;

/// <summary>
/// The real function app as a process, against the real local Azurite and cosmosdb-server that ./test.sh starts.
/// It keeps every line the app logs, so tests can check that no identifier or transcript text ever reaches a log.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    readonly ConcurrentQueue<string> _log = new();
    readonly Dictionary<string, string> _environment;
    Process? _process;

    public AppProcess(Dictionary<string, string> environment)
    {
        _environment = environment;
        Port = FreePort();
    }

    public int Port { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public IReadOnlyCollection<string> Log => _log;
    public bool HasExited => _process is null || _process.HasExited;

    public static string AppFolder => Path.Combine(RepoPaths.Root, "src", "PipelineFunctions.App");

    public async Task StartAsync()
    {
        var configuration = Directory.Exists(Path.Combine(AppFolder, "bin", "Release")) ? "Release" : "Debug";
        var dll = Path.Combine(AppFolder, "bin", configuration, "net10.0", "PipelineFunctions.App.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseAddress.ToString().TrimEnd('/')])
        {
            WorkingDirectory = AppFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (k, v) in _environment) start.Environment[k] = v;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) _log.Enqueue(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _log.Enqueue(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app exited at start:\n{string.Join('\n', _log.TakeLast(30))}");
            try
            {
                using var response = await http.GetAsync("/app/admin/status.html");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        throw new TimeoutException("The app did not start within 90 s.");
    }

    /// <summary>Kills the process outright, as a crash or a scale-in would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false }) { _process.Kill(entireProcessTree: true); _process.WaitForExit(10_000); }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
