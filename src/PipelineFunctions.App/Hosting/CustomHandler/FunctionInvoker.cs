using System.Diagnostics;
using PipelineFunctions.App.Functions;
using PipelineFunctions.App.Telemetry;

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
            PipelineTelemetry.Invocations.Add(1, new TagList { { PipelineTelemetry.Tags.Function, functionName }, { PipelineTelemetry.Tags.Outcome, "unreadable" } });
            return (400, new InvocationResponse([], ["The invocation payload could not be read."], null));
        }

        // The message's trace, or a new one: never the HTTP request's (the host's call to the handler is plumbing).
        Activity.Current = null;
        using var activity = PipelineTelemetry.Source.StartActivity(functionName, ActivityKind.Consumer, PipelineTelemetry.ParentOf(request.Message));
        var stage = PipelineTelemetry.StageOf(functionName);
        activity?.SetTag(PipelineTelemetry.Tags.Function, functionName);
        activity?.SetTag(PipelineTelemetry.Tags.Stage, stage);
        activity?.SetTag(PipelineTelemetry.Tags.DequeueCount, request.DequeueCount);
        activity?.SetTag(PipelineTelemetry.Tags.InvocationId, invocationId);
        var started = Stopwatch.GetTimestamp();
        var context = new FunctionContext(invocationId, request.DequeueCount, definitions.Queues.MaxDequeueCount, activity);
        try
        {
            await function.RunAsync(request.Message, context, ct);
            Record(activity, functionName, stage, "succeeded", started);
            return (200, new InvocationResponse([], context.Logs, null));
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Only our own messages are safe to repeat; anything else is named by its type alone.
            var what = e is PipelineException ? e.Message : e.GetType().Name;
            logger.LogError("{Function} invocation {InvocationId} failed (try {Try}): {Failure}", functionName, invocationId, request.DequeueCount, what);
            activity?.SetStatus(ActivityStatusCode.Error, what);
            activity?.SetTag("error.type", e.GetType().Name);
            Record(activity, functionName, stage, context.IsLastAttempt ? "poisoned" : "failed", started);
            return (500, new InvocationResponse([], [.. context.Logs, $"Failed: {what}"], null));
        }
    }

    /// <summary>Outcome on the span; invocations, failures and duration per function, stage and outcome (no ids: they would explode the series).</summary>
    static void Record(Activity? activity, string function, string stage, string outcome, long started)
    {
        activity?.SetTag(PipelineTelemetry.Tags.Outcome, outcome);
        var tags = new TagList
        {
            { PipelineTelemetry.Tags.Function, function },
            { PipelineTelemetry.Tags.Stage, stage },
            { PipelineTelemetry.Tags.Outcome, outcome },
        };
        PipelineTelemetry.Invocations.Add(1, tags);
        if (outcome != "succeeded") PipelineTelemetry.Failures.Add(1, tags);
        PipelineTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }
}
