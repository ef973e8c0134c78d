using System.Diagnostics;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Telemetry;

namespace PipelineFunctions.App.Middleware;

/// <summary>
/// The first HTTP step: refuses a function that declares no policy, starts the request's server span, and turns
/// failures into problems. Unexpected failures answer with a bare problem: exception text can carry data and never
/// leaves the app. Queue- and timer-triggered functions pass straight through every HTTP step.
/// </summary>
public sealed class HttpServerMiddleware(ILogger<HttpServerMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        if (http is null)
        {
            await next(context);
            return;
        }
        if (HttpFunction.Of(context) is not { Policy: var policy })
        {
            HttpFunction.Answer(context, Problems.NoRoles());
            return;
        }
        // The API's server span: the worker runs the function on the host's invocation, not on the request, so the span
        // that roots a request's trace (the upload, the stages after it) is started here; its parent is the caller's.
        Activity.Current = null;
        ActivityContext.TryParse(
            http.Request.Headers.TraceParent.FirstOrDefault(),
            null,
            isRemote: true,
            out var caller
        );
        using var server = policy.Route.StartsWith("api/", StringComparison.Ordinal)
            ? PipelineTelemetry.Source.StartActivity(
                $"{http.Request.Method} /{policy.Route}",
                ActivityKind.Server,
                caller
            )
            : null;
        server?.SetTag("http.request.method", http.Request.Method);
        server?.SetTag("http.route", "/" + policy.Route);
        server?.SetTag(PipelineTelemetry.Tags.Function, policy.Name);
        var cosmos = CosmosRequestCount.Begin();
        try
        {
            await next(context);
        }
        catch (Exception e) when (Unreadable(e))
        {
            HttpFunction.Answer(
                context,
                Problems.BadRequest("The request body is not what this endpoint reads (JSON of the documented shape).")
            );
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError("{Function} failed: {Failure}", context.FunctionDefinition.Name, e.GetType().Name);
            HttpFunction.Answer(context, Problems.Failed("The app failed on this request; the error was logged."));
        }
        server?.SetTag("http.response.status_code", HttpFunction.StatusOf(context.GetInvocationResult().Value));
        server?.SetTag("pipeline.cosmos.requests", cosmos.Requests);
        server?.SetTag("pipeline.cosmos.request_units", cosmos.RequestUnits);
    }

    static bool Unreadable(Exception e) =>
        e is JsonException or BadHttpRequestException || e.InnerException is JsonException or BadHttpRequestException;
}
