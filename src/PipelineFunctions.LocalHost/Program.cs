using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using PipelineFunctions.LocalHost.Configuration;
using PipelineFunctions.LocalHost.Events;
using PipelineFunctions.LocalHost.Http;
using PipelineFunctions.LocalHost.Jobs;
using PipelineFunctions.LocalHost.Rpc;
using PipelineFunctions.LocalHost.Worker;

// The local stand-in for Azure Functions Core Tools: see this project's README.md.
var arguments = HostArguments.Parse(args);
var settings = AppSettings.Load(arguments.SettingsFile);
var hostJson = HostJsonOptions.Load(arguments.AppFolder);
var unsupported = new List<(string Function, string Trigger)>();
var catalog = FunctionCatalog.Load(arguments.AppFolder, settings, (f, t) => unsupported.Add((f, t)));
var slots = new SlotMap(catalog.Queues, catalog.Timers, settings.ConnectionString(AppSettings.StorageSetting));
var rpc = new RpcEndpoint();
ListenOptions? front = null;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
builder
    .Logging.ClearProviders()
    .AddSimpleConsole(o =>
    {
        o.SingleLine = true;
        o.TimestampFormat = "HH:mm:ss.fff ";
    });
builder
    .Logging.AddFilter("Microsoft", LogLevel.Warning)
    .AddFilter("Grpc", LogLevel.Warning)
    .AddFilter("Host", LogLevel.Warning)
    .AddFilter("Azure", LogLevel.None)
    // YARP logs each request's URL, query included (a search term can be a name); HttpForwarder logs failures by kind.
    .AddFilter("Yarp", LogLevel.None)
    // WebJobs' own lines for a failed slot repeat what "Executed … (Failed …)" says, with a stack trace.
    .AddFilter("Function", LogLevel.None)
    .AddFilter("Host.Results", LogLevel.None);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = null;
    // --port 0: a free port, bound at once and named in the "Serving" line below.
    kestrel.Listen(
        IPAddress.Loopback,
        arguments.Port,
        l =>
        {
            l.Protocols = HttpProtocols.Http1;
            front = l;
        }
    );
    kestrel.Listen(
        IPAddress.Loopback,
        0,
        l =>
        {
            l.Protocols = HttpProtocols.Http2;
            rpc.Bind(l);
        }
    );
});

builder.Services.AddGrpc(o =>
{
    o.MaxReceiveMessageSize = null;
    o.MaxSendMessageSize = null;
});
builder
    .Services.AddSingleton(arguments)
    .AddSingleton(settings)
    .AddSingleton(hostJson)
    .AddSingleton(catalog)
    .AddSingleton(slots)
    .AddSingleton(rpc)
    .AddSingleton(TimeProvider.System)
    .AddSingleton(UploadScanOptions.From(settings))
    .AddSingleton<WorkerLauncher>()
    .AddSingleton<WorkerSupervisor>()
    .AddHostedService(sp => sp.GetRequiredService<WorkerSupervisor>())
    .AddSingleton<HttpFunctionRouter>()
    .AddSingleton<HttpForwarder>()
    .AddHttpForwarder()
    .AddSingleton<QueueDispatcher>()
    .AddSingleton<TimerDispatcher>()
    .AddSingleton<LeasedMessages>()
    .AddHostedService<UploadScanner>()
    .AddHostedService<JobHostRunner>();

var app = builder.Build();
var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PipelineFunctions.LocalHost");
foreach (var (function, trigger) in unsupported)
    log.LogWarning("Function {Function}: trigger {Trigger} is not served by this host.", function, trigger);

// The front port goes to the HTTP functions; gRPC answers only on its own port.
var forwarder = app.Services.GetRequiredService<HttpForwarder>();
app.Use(
    (context, next) =>
        context.Connection.LocalPort == front!.IPEndPoint!.Port ? forwarder.HandleAsync(context) : next(context)
);
app.MapGrpcService<FunctionRpcService>();
await app.StartAsync();
log.LogInformation(
    "Serving {Http} HTTP, {Queues} queue and {Timers} timer functions on http://127.0.0.1:{Port}; FunctionRpc on {RpcPort}.",
    catalog.Http.Count,
    catalog.Queues.Count,
    catalog.Timers.Count,
    front!.IPEndPoint!.Port,
    rpc.Port
);
await app.WaitForShutdownAsync();
