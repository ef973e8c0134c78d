namespace PipelineFunctions.LocalHost.Worker;

/// <summary>How an invocation ended; a failure is named by its exception type only.</summary>
public sealed record InvocationOutcome(bool Succeeded, string? ExceptionType, TimeSpan Duration);
