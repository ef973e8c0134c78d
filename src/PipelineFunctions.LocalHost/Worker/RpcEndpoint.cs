using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace PipelineFunctions.LocalHost.Worker;

/// <summary>
/// The host's gRPC listener, which the worker is told to connect to. Kestrel binds it to a free port (0) and the port
/// is read back once bound, so no other process can take it between choosing and binding.
/// </summary>
public sealed class RpcEndpoint
{
    /// <summary>The worker refuses larger messages with ResourceExhausted unless told a limit.</summary>
    public const int MaxMessageLength = int.MaxValue;

    ListenOptions? _listener;

    public void Bind(ListenOptions listener) => _listener = listener;

    public int Port =>
        _listener?.IPEndPoint?.Port is > 0 and var port
            ? port
            : throw new InvalidOperationException("The gRPC listener is not bound yet.");

    public Uri Uri => new($"http://127.0.0.1:{Port}/");
}
