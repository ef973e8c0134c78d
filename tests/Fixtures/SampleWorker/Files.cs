using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace SampleWorker;

/// <summary>A catch-all route, as the app's API uses; it echoes the captured path and a response header.</summary>
public sealed class Files
{
    [Function("Files")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, Route = "files/{*path}")] HttpRequest req,
        string path
    )
    {
        req.HttpContext.Response.Headers["x-sample"] = "files";
        return new ContentResult
        {
            Content = path,
            ContentType = "text/plain",
            StatusCode = 201,
        };
    }
}
