using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PipelineFunctions.LocalHost.Worker;

/// <summary>A worker past the handshake: its HTTP address and its loaded functions, ready for invocations.</summary>
public sealed class ReadyWorker
{
    readonly WorkerChannel _channel;
    readonly Dictionary<string, string> _functionIds;
    readonly TimeSpan _functionTimeout;
    readonly ILogger _logger;

    ReadyWorker(
        WorkerChannel channel,
        Uri? httpUri,
        Dictionary<string, string> functionIds,
        int processId,
        TimeSpan functionTimeout,
        ILogger logger
    )
    {
        _channel = channel;
        _functionTimeout = functionTimeout;
        HttpUri = httpUri;
        _functionIds = functionIds;
        ProcessId = processId;
        _logger = logger;
    }

    public Uri? HttpUri { get; }
    public int ProcessId { get; }
    public int FunctionCount => _functionIds.Count;

    /// <summary>WorkerInitRequest → FunctionsMetadataRequest → FunctionLoadRequest per function, as the Functions host does.</summary>
    public static async Task<ReadyWorker> HandshakeAsync(
        WorkerChannel channel,
        string appFolder,
        int processId,
        TimeSpan functionTimeout,
        ILogger logger
    )
    {
        var init = await channel.RequestAsync(
            "workerInitRequest",
            new JsonObject
            {
                ["hostVersion"] = "4.1000.0",
                ["workerDirectory"] = appFolder,
                ["functionAppDirectory"] = appFolder,
            },
            "workerInitResponse"
        );
        EnsureSuccess(init, "WorkerInitRequest");
        var httpUri = init["capabilities"]?["HttpUri"]?.GetValue<string>();

        var metadata = await channel.RequestAsync(
            "functionsMetadataRequest",
            new JsonObject { ["functionAppDirectory"] = appFolder },
            "functionMetadataResponse"
        );
        EnsureSuccess(metadata, "FunctionsMetadataRequest");
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var function in metadata["functionMetadataResults"]!.AsArray().Select(f => f!.AsObject()))
        {
            var id = function["functionId"]?.GetValue<string>() is { Length: > 0 } given
                ? given
                : Guid.NewGuid().ToString();
            var load = await channel.RequestAsync(
                "functionLoadRequest",
                new JsonObject { ["functionId"] = id, ["metadata"] = LoadMetadata(function, id) },
                "functionLoadResponse",
                id
            );
            EnsureSuccess(load, "FunctionLoadRequest");
            ids[function["name"]!.GetValue<string>()] = id;
        }
        var uri = httpUri is null ? null : new Uri(httpUri);
        if (uri is not null)
            await WaitUntilListeningAsync(uri);
        return new(channel, uri, ids, processId, functionTimeout, logger);
    }

    /// <summary>
    /// The worker names its HttpUri before its Kestrel listens; a request forwarded in between is refused. Measured:
    /// the first request after a restart got 502 without this wait.
    /// </summary>
    static async Task WaitUntilListeningAsync(Uri uri)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(uri.Host, uri.Port);
                return;
            }
            catch (System.Net.Sockets.SocketException) when (attempt < 300)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>
    /// Sends an InvocationRequest and waits for its response. A trace context is always sent (without one the worker
    /// fails): the caller's traceparent when it has one, else a new root. An invocation past host.json's
    /// <c>functionTimeout</c> is cancelled and fails, and the worker is restarted, as the Functions host restarts its host
    /// (a function that ignores cancellation cannot be stopped otherwise); what else was in flight fails and is retried.
    /// </summary>
    public async Task<InvocationOutcome> InvokeAsync(
        string function,
        string invocationId,
        JsonArray inputData,
        JsonObject triggerMetadata,
        string? traceparent
    )
    {
        var started = Stopwatch.GetTimestamp();
        JsonObject response;
        try
        {
            response = await _channel
                .RequestAsync(
                    "invocationRequest",
                    new JsonObject
                    {
                        ["invocationId"] = invocationId,
                        ["functionId"] = _functionIds.TryGetValue(function, out var id)
                            ? id
                            : throw new InvalidOperationException($"The worker did not load {function}."),
                        ["inputData"] = inputData,
                        ["triggerMetadata"] = triggerMetadata,
                        ["traceContext"] = new JsonObject
                        {
                            ["traceParent"] = traceparent ?? NewTraceparent(),
                            ["traceState"] = "",
                        },
                    },
                    "invocationResponse",
                    invocationId
                )
                .WaitAsync(_functionTimeout);
        }
        catch (TimeoutException)
        {
            _logger.LogError(
                "Timeout value of {Timeout} exceeded by function {Function} (id {InvocationId}); worker {Pid} is restarted.",
                _functionTimeout,
                function,
                invocationId,
                ProcessId
            );
            await _channel.SendAsync(
                "invocationCancel",
                new JsonObject { ["invocationId"] = invocationId, ["gracePeriod"] = "0s" }
            );
            _channel.Close();
            throw new FunctionTimeoutException(function, _functionTimeout);
        }
        catch (WorkerUnavailableException)
        {
            _logger.LogWarning(
                "Executed {Function} (Failed: worker {Pid} gone, id {InvocationId})",
                function,
                ProcessId,
                invocationId
            );
            throw;
        }
        var succeeded = response["result"]?["status"]?.GetValue<string>() == "Success";
        var outcome = new InvocationOutcome(
            succeeded,
            succeeded ? null
                : response["result"]?["exception"]?["type"]?.GetValue<string>() is { Length: > 0 } type ? type
                : "UnknownFailure",
            Stopwatch.GetElapsedTime(started)
        );
        _logger.LogInformation(
            "Executed {Function} ({Outcome}{Exception}, id {InvocationId}, {Milliseconds} ms)",
            function,
            succeeded ? "Succeeded" : "Failed",
            succeeded ? "" : " " + outcome.ExceptionType,
            invocationId,
            (int)outcome.Duration.TotalMilliseconds
        );
        return outcome;
    }

    static string NewTraceparent() => $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01";

    /// <summary>The worker's own metadata, with <c>bindings</c> filled from its raw bindings as the host's loader does.</summary>
    static JsonObject LoadMetadata(JsonObject function, string id)
    {
        var bindings = new JsonObject();
        foreach (var raw in function["rawBindings"]?.AsArray() ?? [])
        {
            var binding = JsonNode.Parse(raw!.GetValue<string>())!.AsObject();
            bindings[binding["name"]!.GetValue<string>()] = new JsonObject
            {
                ["type"] = binding["type"]!.GetValue<string>(),
                ["direction"] = (binding["direction"]?.GetValue<string>() ?? "in").ToLowerInvariant(),
                ["dataType"] = (binding["dataType"]?.GetValue<string>() ?? "undefined").ToLowerInvariant(),
            };
        }
        return new JsonObject
        {
            ["name"] = function["name"]!.DeepClone(),
            ["functionId"] = id,
            ["directory"] = function["directory"]?.DeepClone(),
            ["scriptFile"] = function["scriptFile"]?.DeepClone(),
            ["entryPoint"] = function["entryPoint"]?.DeepClone(),
            ["language"] = function["language"]?.DeepClone(),
            ["rawBindings"] = function["rawBindings"]?.DeepClone(),
            ["bindings"] = bindings,
            ["properties"] = function["properties"]?.DeepClone(),
        };
    }

    static void EnsureSuccess(JsonObject response, string request)
    {
        if (response["result"]?["status"]?.GetValue<string>() == "Success")
            return;
        throw new InvalidOperationException(
            $"The worker refused {request} ({response["result"]?["exception"]?["type"]?.GetValue<string>() ?? "no exception type"})."
        );
    }
}
