using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using PipelineFunctions.LocalHost.Configuration;
using PipelineFunctions.LocalHost.Events;
using PipelineFunctions.LocalHost.Http;
using PipelineFunctions.LocalHost.Queues;
using PipelineFunctions.LocalHost.Rpc;
using PipelineFunctions.LocalHost.Timers;
using PipelineFunctions.LocalHost.Worker;

// The local stand-in for Azure Functions Core Tools: see this project's README.md.
var arguments = HostArguments.Parse(args);
var settings = AppSettings.Load(arguments.SettingsFile);
var hostJson = HostJsonOptions.Load(arguments.AppFolder);
var unsupported = new List<(string Function, string Trigger)>();
var catalog = FunctionCatalog.Load(arguments.AppFolder, settings, (f, t) => unsupported.Add((f, t)));
var slots = new QueueSlotMap(catalog.Queues, settings.ConnectionString(AppSettings.StorageSetting));
var rpc = new RpcEndpoint(FreePort());

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
builder.Logging.ClearProviders().AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; });
builder.Logging.AddFilter("Microsoft", LogLevel.Warning).AddFilter("Grpc", LogLevel.Warning)
    .AddFilter("Host", LogLevel.Warning).AddFilter("Azure", LogLevel.None)
    // WebJobs' own lines for a failed slot repeat what "Executed … (Failed …)" says, with a stack trace.
    .AddFilter("Function", LogLevel.None).AddFilter("Host.Results", LogLevel.None);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = null;
    kestrel.Listen(IPAddress.Loopback, arguments.Port, l => l.Protocols = HttpProtocols.Http1);
    kestrel.Listen(IPAddress.Loopback, rpc.Port, l => l.Protocols = HttpProtocols.Http2);
});

builder.Services.AddGrpc(o => { o.MaxReceiveMessageSize = null; o.MaxSendMessageSize = null; });
builder.Services.AddSingleton(arguments).AddSingleton(settings).AddSingleton(hostJson).AddSingleton(catalog).AddSingleton(slots).AddSingleton(rpc)
    .AddSingleton(TimeProvider.System).AddSingleton(UploadScanOptions.From(settings))
    .AddSingleton<WorkerLauncher>().AddSingleton<WorkerSupervisor>().AddHostedService(sp => sp.GetRequiredService<WorkerSupervisor>())
    .AddSingleton<HttpFunctionRouter>().AddSingleton<HttpForwarder>().AddSingleton<QueueDispatcher>().AddSingleton<LeasedMessages>()
    .AddHostedService<UploadScanner>().AddHostedService<QueueHost>().AddHostedService<TimerHost>();


var app = builder.Build();
var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PipelineFunctions.LocalHost");
foreach (var (function, trigger) in unsupported) log.LogWarning("Function {Function}: trigger {Trigger} is not served by this host.", function, trigger);
log.LogInformation("Serving {Http} HTTP, {Queues} queue and {Timers} timer functions on http://127.0.0.1:{Port}; FunctionRpc on {RpcPort}.",
    catalog.Http.Count, catalog.Queues.Count, catalog.Timers.Count, arguments.Port, rpc.Port);

// gRPC only on its own port; everything else on the front port goes to the HTTP functions. UseEndpoints is explicit
// because top-level routes would run after the terminal forwarder below.
app.UseRouting();
#pragma warning disable ASP0014
app.UseEndpoints(e => e.MapGrpcService<FunctionRpcService>().RequireHost($"*:{rpc.Port}"));
#pragma warning restore ASP0014
var forwarder = app.Services.GetRequiredService<HttpForwarder>();
app.Run(context => context.Connection.LocalPort == arguments.Port ? forwarder.HandleAsync(context) : NotFound(context));
app.Run();

static Task NotFound(HttpContext context)
{
    context.Response.StatusCode = StatusCodes.Status404NotFound;
    return Task.CompletedTask;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
