using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PipelineFunctions.Tests;

/// <summary>
/// An Azurite of a test's (or a test project's) own, for an app whose queues no other may share (both would take the
/// other's messages). It binds free ports itself (port 0) and they are read from what it prints, so no port is chosen
/// here and released before Azurite takes it. Its data lives in a temporary folder, removed with it.
/// </summary>
public sealed partial class PrivateAzurite : IDisposable
{
    readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("azurite-");
    readonly ConcurrentDictionary<string, int> _ports = new();
    readonly Process _process;

    public PrivateAzurite()
    {
        _process = Process.Start(
            new ProcessStartInfo(
                Executable(),
                [
                    "--silent",
                    "--skipApiVersionCheck",
                    "--loose",
                    "--location",
                    _folder.FullName,
                    "--blobHost",
                    "127.0.0.1",
                    "--blobPort",
                    "0",
                    "--queueHost",
                    "127.0.0.1",
                    "--queuePort",
                    "0",
                    "--tableHost",
                    "127.0.0.1",
                    "--tablePort",
                    "0",
                ]
            )
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }
        )!;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && Listening().Match(e.Data) is { Success: true } m)
                _ports[m.Groups[1].Value] = int.Parse(
                    m.Groups[2].Value,
                    System.Globalization.CultureInfo.InvariantCulture
                );
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (_ports.Count < 3)
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                Dispose();
                throw new TimeoutException("The test's Azurite did not start.");
            }
            Thread.Sleep(100);
        }
        Ports = (_ports["Blob"], _ports["Queue"], _ports["Table"]);
    }

    public (int Blob, int Queue, int Table) Ports { get; }

    public string ConnectionString => Connection(Ports);

    /// <summary>Azurite's well-known development account, at the given ports (its own, or relays in front of them).</summary>
    public static string Connection((int Blob, int Queue, int Table) ports) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + $"BlobEndpoint=http://127.0.0.1:{ports.Blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports.Queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{ports.Table}/devstoreaccount1;";

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
        _folder.Delete(recursive: true);
    }

    /// <summary>The repository's own Azurite (setup.sh installs it into tools/local-stack).</summary>
    static string Executable()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var azurite = Path.Combine(dir.FullName, "tools", "local-stack", "node_modules", ".bin", "azurite");
            if (File.Exists(azurite))
                return azurite;
        }
        throw new FileNotFoundException("Azurite not found under tools/local-stack: run scripts/setup.sh first.");
    }

    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();
}
