using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace SampleWorker;

/// <summary>Answers through the host's HTTP forwarding; echoes the route value, the body length and the trace context.</summary>
public sealed class Greeting
{
    [Function("Greeting")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "greet/{name}")] HttpRequest req,
        string name,
        FunctionContext context
    )
    {
        req.HttpContext.Response.Headers["x-traceparent"] = context.TraceContext.TraceParent;
        req.HttpContext.Response.Headers["x-seen-host"] = req.Host.Value;
        using var reader = new StreamReader(req.Body);
        var body = await reader.ReadToEndAsync();
        return new OkObjectResult($"hello {name} ({body.Length}) {req.Query["q"]}");
    }
}
