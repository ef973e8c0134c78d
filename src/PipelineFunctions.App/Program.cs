using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using PipelineFunctions.App.Extensions;
using PipelineFunctions.App.Middleware;

// The isolated-worker function app. Its functions: the pipeline's stages under Stages/ (one queue trigger each, from
// Workflow/StageTable), the HTTP API under Http/ (one class per resource) and the pages (Http/PagesFunction).
// HTTP functions are guarded by the steps below, in order, from what each function declares (Middleware/).
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpServerMiddleware>();
builder.UseMiddleware<SignInMiddleware>();
builder.UseMiddleware<AuthorisationMiddleware>();
builder.UseMiddleware<AuditMiddleware>();
builder.AddPipeline();
builder.Build().Run();
