namespace PipelineFunctions.App.Functions;

/// <summary>
/// A queue-triggered function. The Functions host (custom handler) and the local trigger runner both call it
/// through <see cref="Hosting.CustomHandler.FunctionInvoker"/>. Throwing fails the invocation so the message is
/// retried; every implementation is idempotent, so a replay changes nothing.
/// </summary>
public interface IQueueFunction
{
    /// <summary>The function's name: its folder under Functions/ and its endpoint path.</summary>
    string Name { get; }

    Task RunAsync(string message, FunctionContext context, CancellationToken ct);
}
