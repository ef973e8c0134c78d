using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.FileProviders;
using PipelineFunctions.App.Middleware;

namespace PipelineFunctions.App.Http;

/// <summary>
/// The web pages, served by the function app itself under <c>/app/</c>: the same origin as the API, so App Service
/// authentication's one sign-in covers both, and one deployment carries pages and API together. The pages hold no data.
/// </summary>
public sealed class PagesFunction
{
    static readonly PhysicalFileProvider Files = new(Path.Combine(AppContext.BaseDirectory, "wwwroot", "app"));
    static readonly FileExtensionContentTypeProvider ContentTypes = new();

    [Function("Pages"), Anonymous]
    public Results<PhysicalFileHttpResult, Problem<Missing>> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "app/{*path}")] HttpRequest req,
        string? path
    )
    {
        var relative = string.IsNullOrEmpty(path) || path.EndsWith('/') ? (path ?? "") + "index.html" : path;
        // The provider refuses paths that climb out of wwwroot/app (.., absolute, hidden).
        var file = Files.GetFileInfo(relative);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null)
            return Problems.NotFound("There is no such page.");
        if (!ContentTypes.TryGetContentType(file.Name, out var type))
            type = "application/octet-stream";
        // Pages change with each deployment and must never show a stale script against a new API.
        req.HttpContext.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(file.PhysicalPath, type);
    }
}
