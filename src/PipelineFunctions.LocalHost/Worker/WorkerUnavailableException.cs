namespace PipelineFunctions.LocalHost.Worker;

/// <summary>The worker went away (exited, killed, stream closed) before it answered.</summary>
public sealed class WorkerUnavailableException() : Exception("The worker is not available.");
