using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Extensions;
using PipelineFunctions.LocalHost.Rpc;
using PipelineFunctions.LocalHost.Worker;

namespace PipelineFunctions.LocalHost.Http;

/// <summary>
/// The HTTP front door. With the worker's ASP.NET Core integration the host sends the InvocationRequest (route values as
/// trigger metadata) and at the same time proxies the original request to the worker's own Kestrel, tagged with
/// <c>x-ms-invocation-id</c>; the worker answers that request itself and the gRPC reply carries only the outcome.
/// </summary>
public sealed class HttpForwarder(HttpFunctionRouter router, WorkerSupervisor supervisor, ILogger<HttpForwarder> logger)
{
    static readonly TimeSpan WorkerWait = TimeSpan.FromSeconds(60);
    static readonly TimeSpan InvocationGrace = TimeSpan.FromSeconds(30);
    static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
        { "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer", "Host" };

    // A proxy, not a caller: the request goes on with the caller's own traceparent or none, never one the host invents
    // (HttpClient would add an unsampled one of its own, and the app would then drop the request's spans).
    static readonly HttpClient Client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = System.Net.DecompressionMethods.None,
        ActivityHeadersPropagator = System.Diagnostics.DistributedContextPropagator.CreateNoOutputPropagator(),
    }) { Timeout = Timeout.InfiniteTimeSpan };

    public async Task HandleAsync(HttpContext context)
    {
        var match = router.Match(context.Request.Method, context.Request.Path);
        if (match is null) { context.Response.StatusCode = StatusCodes.Status404NotFound; return; }
        ReadyWorker worker;
        try { worker = await supervisor.WaitReadyAsync(WorkerWait, context.RequestAborted); }
        catch (TimeoutException) { context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable; return; }
        if (worker.HttpUri is null) throw new InvalidOperationException("The worker offers no HttpUri; is ConfigureFunctionsWebApplication() called?");

        var invocationId = Guid.NewGuid().ToString();
        var trigger = new JsonObject();
        foreach (var (name, value) in match.Values) trigger[name] = RpcData.String(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        var input = new JsonArray(new JsonObject { ["name"] = match.Function.BindingName, ["data"] = new JsonObject { ["http"] = Describe(context.Request) } });
        var invocation = worker.InvokeAsync(match.Function.Name, invocationId, input, trigger, context.Request.Headers["traceparent"].FirstOrDefault());

        try
        {
            using var forward = Forward(context.Request, worker.HttpUri, invocationId);
            using var response = await Client.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var header in response.Headers.Concat(response.Content.Headers))
                if (!HopByHop.Contains(header.Key)) context.Response.Headers[header.Key] = header.Value.ToArray();
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested) { return; }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // The worker died mid-request: answer as a gateway would, if nothing was sent yet.
            logger.LogWarning("Forwarding to the worker failed ({Failure}) for {Function}, id {InvocationId}.", e.GetType().Name, match.Function.Name, invocationId);
            if (!context.Response.HasStarted) context.Response.StatusCode = StatusCodes.Status502BadGateway;
        }
        // The outcome is logged by the invocation; the answer has gone already, so wait for it only briefly.
        try { await invocation.WaitAsync(InvocationGrace); }
        catch (Exception e) when (e is WorkerUnavailableException or TimeoutException) { }
    }

    static HttpRequestMessage Forward(HttpRequest request, Uri workerUri, string invocationId)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(workerUri, request.Path + request.QueryString));
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0) message.Content = new StreamContent(request.Body);
        foreach (var (name, values) in request.Headers)
        {
            if (HopByHop.Contains(name)) continue;
            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values)) message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }
        message.Headers.Add("x-ms-invocation-id", invocationId);
        // The app sees the address it was called on and who called, not the host's loopback hop.
        message.Headers.Host = request.Host.Value;
        message.Headers.TryAddWithoutValidation("X-Forwarded-For", request.HttpContext.Connection.RemoteIpAddress?.ToString());
        message.Headers.TryAddWithoutValidation("X-Forwarded-Proto", request.Scheme);
        message.Headers.TryAddWithoutValidation("X-Forwarded-Host", request.Host.Value);
        return message;
    }

    /// <summary>The request's outline as the Functions host puts it in the trigger input (the body goes over HTTP).</summary>
    static JsonObject Describe(HttpRequest request)
    {
        var headers = new JsonObject();
        foreach (var (name, values) in request.Headers) headers[name.ToLowerInvariant()] = values.ToString();
        var query = new JsonObject();
        foreach (var (name, values) in request.Query) query[name] = values.ToString();
        return new JsonObject { ["method"] = request.Method, ["url"] = request.GetDisplayUrl(), ["headers"] = headers, ["query"] = query };
    }
}
