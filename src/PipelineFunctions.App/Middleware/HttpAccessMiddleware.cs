using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using PipelineFunctions.App.Audit;
using PipelineFunctions.App.Security;
using PipelineFunctions.App.Telemetry;

namespace PipelineFunctions.App.Middleware;

/// <summary>
/// The one place HTTP functions are guarded: sign-in, the roles the function names, the study in its route, then the
/// audit entry once it answered without error. Unexpected failures answer with a bare problem: exception text can
/// carry data and never leaves the app. Queue-triggered functions pass straight through.
/// </summary>
public sealed class HttpAccessMiddleware(ISignIn signIn, AuditLog audit, ILogger<HttpAccessMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var http = context.GetHttpContext();
        if (http is null)
        {
            await next(context);
            return;
        }
        if (!FunctionPolicy.All.TryGetValue(context.FunctionDefinition.Name, out var policy))
        {
            Answer(context, Problems.Forbidden("This endpoint names no roles, so nobody may use it."));
            return;
        }
        // The API's server span: the worker runs the function on the host's invocation, not on the request, so the span
        // that roots a request's trace (the upload, the stages after it) is started here; its parent is the caller's.
        Activity.Current = null;
        ActivityContext.TryParse(http.Request.Headers.TraceParent.FirstOrDefault(), null, isRemote: true, out var caller);
        using var server = policy.Route.StartsWith("api/", StringComparison.Ordinal)
            ? PipelineTelemetry.Source.StartActivity($"{http.Request.Method} /{policy.Route}", ActivityKind.Server, caller) : null;
        server?.SetTag("http.request.method", http.Request.Method);
        server?.SetTag("http.route", "/" + policy.Route);
        server?.SetTag(PipelineTelemetry.Tags.Function, policy.Name);
        await GuardAsync(context, next, policy, http);
        server?.SetTag("http.response.status_code", StatusOf(context.GetInvocationResult().Value));
    }

    async Task GuardAsync(FunctionContext context, FunctionExecutionDelegate next, FunctionPolicy policy, HttpContext http)
    {
        var route = policy.RouteParameters.ToDictionary(p => p, p => RouteValue(context, p));
        var studyId = route.GetValueOrDefault("studyId");

        if (!policy.Anonymous)
        {
            var user = signIn.Authenticate(http.Request);
            if (user is null)
            {
                signIn.Challenge(http.Request, http.Response);
                Answer(context, Problems.Status(401, signIn.HowToSignIn));
                return;
            }
            http.User = user;
            if (Authorisation.Refusal(policy, user, studyId) is { } refusal)
            {
                Answer(context, refusal);
                return;
            }
        }

        try
        {
            await next(context);
        }
        catch (Exception e) when (Unreadable(e))
        {
            Answer(context, Problems.BadRequest("The request body is not what this endpoint reads (JSON of the documented shape)."));
            return;
        }
        catch (Exception e) when (!http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError("{Function} failed: {Failure}", context.FunctionDefinition.Name, e.GetType().Name);
            Answer(context, Problems.Status(500, "The app failed on this request; the error was logged."));
            return;
        }

        if (policy.Audit is { } action && studyId is not null && StatusOf(context.GetInvocationResult().Value) < 400)
        {
            var ids = route.Where(r => r.Key != "studyId" && r.Value is not null).Select(r => $"{r.Key.Replace("Id", "")}:{r.Value}");
            var target = string.Join(' ', ids) is { Length: > 0 } named ? named : $"study:{studyId}";
            await audit.RecordAsync(http.User, http, studyId, action, target, http.RequestAborted);
        }
    }

    static void Answer(FunctionContext context, IResult result) => context.GetInvocationResult().Value = result;

    static int StatusOf(object? result) => result is IStatusCodeHttpResult { StatusCode: { } status } ? status : 200;

    static string? RouteValue(FunctionContext context, string name) =>
        context.BindingContext.BindingData.TryGetValue(name, out var value) && value?.ToString() is { Length: > 0 } text ? text : null;

    static bool Unreadable(Exception e) =>
        e is JsonException or BadHttpRequestException || e.InnerException is JsonException or BadHttpRequestException;
}
