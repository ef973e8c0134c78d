using System.Diagnostics;
using System.Net.Sockets;

namespace PipelineFunctions.Integration.Tests.Infrastructure;

/// <summary>
/// An Azurite of a test's own, for an app of its own whose queues the suite's app must not share (both would take the
/// other's messages). Its data lives in a temporary folder, removed with it.
/// </summary>
public sealed class PrivateAzurite : IDisposable
{
    readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("azurite-");
    readonly Process _process;

    public PrivateAzurite()
    {
        var azurite = Path.Combine(RepoPaths.Root, "tools", "local-stack", "node_modules", ".bin", "azurite");
        _process = Process.Start(new ProcessStartInfo(azurite, ["--silent", "--skipApiVersionCheck", "--loose", "--location", _folder.FullName,
            "--blobHost", "127.0.0.1", "--blobPort", $"{Ports.Blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{Ports.Queue}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{Ports.Table}"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try { using var probe = new TcpClient("127.0.0.1", Ports.Queue); return; }
            catch (SocketException) { Thread.Sleep(200); }
        }
        throw new TimeoutException("The test's Azurite did not start.");
    }

    public (int Blob, int Queue, int Table) Ports { get; } = (AppProcess.FreePort(), AppProcess.FreePort(), AppProcess.FreePort());

    public string ConnectionString => Connection(Ports);

    /// <summary>Azurite's well-known development account, at the given ports (its own, or relays in front of them).</summary>
    public static string Connection((int Blob, int Queue, int Table) ports) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{ports.Blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports.Queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{ports.Table}/devstoreaccount1;";

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _folder.Delete(recursive: true);
    }
}
