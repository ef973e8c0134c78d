using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PipelineFunctions.LocalHost.Tests.Infrastructure;

/// <summary>
/// The LocalHost as a real process, running the SampleWorker app; it keeps every console line. It binds a free port
/// itself (<c>--port 0</c>) and names it in its "Serving" line, so no port is chosen here and released before use.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    readonly ConcurrentQueue<string> _log = new();
    readonly string _folder = Directory.CreateTempSubdirectory("localhost-tests-").FullName;
    Process? _process;

    public int Port { get; private set; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");
    public string PidFile => Path.Combine(_folder, "worker.pid");
    public IReadOnlyCollection<string> Log => _log;

    public async Task StartAsync(IReadOnlyDictionary<string, string> values)
    {
        var settings = Path.Combine(_folder, "local.settings.json");
        await File.WriteAllTextAsync(settings, JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));
        var start = new ProcessStartInfo(
            "dotnet",
            [
                RepoPaths.HostDll,
                "--app",
                RepoPaths.SampleWorker,
                "--port",
                "0",
                "--settings",
                settings,
                "--worker-pid-file",
                PidFile,
            ]
        )
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
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
        var serving = await WaitForLogAsync(l => ServingLine().IsMatch(l), TimeSpan.FromSeconds(90));
        Port = int.Parse(
            ServingLine().Match(serving).Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture
        );
        await WaitForLogAsync(l => l.Contains("functions loaded", StringComparison.Ordinal), TimeSpan.FromSeconds(90));
    }

    public int WorkerPid => int.Parse(File.ReadAllText(PidFile), System.Globalization.CultureInfo.InvariantCulture);

    public async Task<string> WaitForLogAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_log.FirstOrDefault(match) is { } line)
                return line;
            if (_process is { HasExited: true })
                throw new InvalidOperationException($"The host exited:\n{string.Join('\n', _log.TakeLast(30))}");
            await Task.Delay(50);
        }
        throw new TimeoutException(
            $"No such log line within {timeout}; last lines:\n{string.Join('\n', _log.TakeLast(30))}"
        );
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex(@"functions on http://127\.0\.0\.1:(\d+);")]
    private static partial Regex ServingLine();
}
