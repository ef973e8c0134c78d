namespace PipelineFunctions.LocalHost.Worker;

/// <summary>The loopback port of the host's gRPC server, which the worker is told to connect to.</summary>
public sealed record RpcEndpoint(int Port)
{
    /// <summary>The worker refuses larger messages with ResourceExhausted unless told a limit.</summary>
    public const int MaxMessageLength = int.MaxValue;

    public Uri Uri => new($"http://127.0.0.1:{Port}/");
}
