namespace PipelineFunctions.LocalHost.Worker;

/// <summary>Thrown back into the WebJobs SDK so it retries or poisons the message; it carries names only.</summary>
public sealed class FunctionFailedException(string function, string exceptionType)
    : Exception($"Function {function} failed with {exceptionType}.");
