using PipelineFunctions.App.Functions;

namespace PipelineFunctions.App.Hosting.CustomHandler;

/// <summary>
/// The one code path into a function, for the Functions host (over HTTP) and the local trigger runner (in process):
/// parse the host's payload, run the function, answer with Outputs/Logs/ReturnValue, or a failure so it is retried.
/// </summary>
public sealed class FunctionInvoker(IEnumerable<IQueueFunction> functions, FunctionDefinitions definitions, ILogger<FunctionInvoker> logger)
{
    readonly Dictionary<string, IQueueFunction> _functions = functions.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public IEnumerable<string> Names => _functions.Keys;

    public async Task<(int StatusCode, InvocationResponse Response)> InvokeAsync(string functionName, string body, string invocationId, CancellationToken ct)
    {
        if (!_functions.TryGetValue(functionName, out var function) || definitions.Find(functionName) is not { } trigger)
            return (404, new InvocationResponse([], [$"No function named {functionName}."], null));

        InvocationRequest request;
        try { request = InvocationRequest.Parse(body, trigger.BindingName); }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            logger.LogWarning("{Function} invocation {InvocationId}: unreadable payload", functionName, invocationId);
            return (400, new InvocationResponse([], ["The invocation payload could not be read."], null));
        }

        var context = new FunctionContext(invocationId, request.DequeueCount, definitions.Queues.MaxDequeueCount);
        try
        {
            await function.RunAsync(request.Message, context, ct);
            return (200, new InvocationResponse([], context.Logs, null));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Only our own messages are safe to repeat; anything else is named by its type alone.
            var what = e is PipelineException ? e.Message : e.GetType().Name;
            logger.LogError("{Function} invocation {InvocationId} failed (try {Try}): {Failure}", functionName, invocationId, request.DequeueCount, what);
            return (500, new InvocationResponse([], [.. context.Logs, $"Failed: {what}"], null));
        }
    }
}
