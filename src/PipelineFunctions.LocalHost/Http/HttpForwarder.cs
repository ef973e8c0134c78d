using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Extensions;
using PipelineFunctions.LocalHost.Rpc;
using PipelineFunctions.LocalHost.Worker;
using Yarp.ReverseProxy.Forwarder;

namespace PipelineFunctions.LocalHost.Http;

/// <summary>
/// The HTTP front door. With the worker's ASP.NET Core integration the host sends the InvocationRequest (route values as
/// trigger metadata) and at the same time proxies the original request to the worker's own Kestrel (YARP's direct
/// forwarder), tagged with <c>x-ms-invocation-id</c>; the worker answers that request itself and the gRPC reply carries
/// only the outcome.
/// </summary>
public sealed class HttpForwarder(
    HttpFunctionRouter router,
    WorkerSupervisor supervisor,
    IHttpForwarder forwarder,
    ILogger<HttpForwarder> logger
)
{
    static readonly TimeSpan WorkerWait = TimeSpan.FromSeconds(60);
    static readonly TimeSpan InvocationGrace = TimeSpan.FromSeconds(30);

    // A proxy, not a caller: the request goes on with the caller's own traceparent or none, never one the host invents
    // (HttpClient would add an unsampled one of its own, and the app would then drop the request's spans).
    static readonly HttpMessageInvoker Client = new(
        new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            ActivityHeadersPropagator = System.Diagnostics.DistributedContextPropagator.CreateNoOutputPropagator(),
        }
    );

    // The worker may take as long as a function may: YARP's default is 100 s between reads.
    static readonly ForwarderRequestConfig Config = new() { ActivityTimeout = TimeSpan.FromMinutes(30) };

    public async Task HandleAsync(HttpContext context)
    {
        var match = router.Match(context.Request.Method, context.Request.Path);
        if (match is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        ReadyWorker worker;
        try
        {
            worker = await supervisor.WaitReadyAsync(WorkerWait, context.RequestAborted);
        }
        catch (TimeoutException)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        if (worker.HttpUri is null)
            throw new InvalidOperationException(
                "The worker offers no HttpUri; is ConfigureFunctionsWebApplication() called?"
            );

        var invocationId = Guid.NewGuid().ToString();
        var trigger = new JsonObject();
        foreach (var (name, value) in match.Values)
            trigger[name] = RpcData.String(
                Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""
            );
        var input = new JsonArray(
            new JsonObject
            {
                ["name"] = match.Function.BindingName,
                ["data"] = new JsonObject { ["http"] = Describe(context.Request) },
            }
        );
        var invocation = worker.InvokeAsync(
            match.Function.Name,
            invocationId,
            input,
            trigger,
            context.Request.Headers["traceparent"].FirstOrDefault()
        );

        var error = await forwarder.SendAsync(
            context,
            worker.HttpUri.ToString(),
            Client,
            Config,
            new ToWorker(invocationId)
        );
        // The worker died mid-request: YARP has answered 502 if nothing was sent yet.
        if (
            error
            is not ForwarderError.None
                and not ForwarderError.RequestCanceled
                and not ForwarderError.RequestBodyCanceled
                and not ForwarderError.ResponseBodyCanceled
        )
            logger.LogWarning(
                "Forwarding to the worker failed ({Failure}) for {Function}, id {InvocationId}.",
                error,
                match.Function.Name,
                invocationId
            );
        // The outcome is logged by the invocation; the answer has gone already, so wait for it only briefly.
        try
        {
            await invocation.WaitAsync(InvocationGrace);
        }
        catch (Exception e) when (e is WorkerUnavailableException or TimeoutException or FunctionTimeoutException) { }
    }

    /// <summary>The request's outline as the Functions host puts it in the trigger input (the body goes over HTTP).</summary>
    static JsonObject Describe(HttpRequest request)
    {
        var headers = new JsonObject();
        foreach (var (name, values) in request.Headers)
            headers[name.ToLowerInvariant()] = values.ToString();
        var query = new JsonObject();
        foreach (var (name, values) in request.Query)
            query[name] = values.ToString();
        return new JsonObject
        {
            ["method"] = request.Method,
            ["url"] = request.GetDisplayUrl(),
            ["headers"] = headers,
            ["query"] = query,
        };
    }

    /// <summary>
    /// YARP's default request copy, plus the invocation id the worker matches the request to; the app sees the address it
    /// was called on and who called, not the host's loopback hop.
    /// </summary>
    sealed class ToWorker(string invocationId) : HttpTransformer
    {
        public override async ValueTask TransformRequestAsync(
            HttpContext httpContext,
            HttpRequestMessage proxyRequest,
            string destinationPrefix,
            CancellationToken cancellationToken
        )
        {
            await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
            var request = httpContext.Request;
            proxyRequest.Headers.Add("x-ms-invocation-id", invocationId);
            proxyRequest.Headers.Host = request.Host.Value;
            proxyRequest.Headers.TryAddWithoutValidation(
                "X-Forwarded-For",
                httpContext.Connection.RemoteIpAddress?.ToString()
            );
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Proto", request.Scheme);
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-Host", request.Host.Value);
        }
    }
}
