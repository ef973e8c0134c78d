namespace PipelineFunctions.LocalHost.Worker;

/// <summary>An invocation ran past host.json's <c>functionTimeout</c>; it was cancelled and its worker restarted.</summary>
public sealed class FunctionTimeoutException(string function, TimeSpan timeout)
    : Exception($"Timeout value of {timeout} exceeded by function {function}.");
