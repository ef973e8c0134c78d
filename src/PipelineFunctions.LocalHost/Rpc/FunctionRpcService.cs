using System.Text.Json.Nodes;
using Grpc.Core;
using PipelineFunctions.LocalHost.Worker;

namespace PipelineFunctions.LocalHost.Rpc;

/// <summary>
/// The host's side of <c>FunctionRpc/EventStream</c>: one call per worker, open for the worker's life.
/// </summary>
public sealed class FunctionRpcService(WorkerSupervisor supervisor, ILogger<WorkerChannel> logger) : FunctionRpcBase
{
    public override async Task EventStream(
        IAsyncStreamReader<JsonObject> requests,
        IServerStreamWriter<JsonObject> responses,
        ServerCallContext context
    )
    {
        if (!await requests.MoveNext(context.CancellationToken))
            return;
        var workerId = requests.Current["startStream"]?["workerId"]?.GetValue<string>();
        var channel = new WorkerChannel(responses, logger);
        if (!supervisor.Attach(workerId, channel))
        {
            logger.LogWarning("A worker that this host did not start tried to connect; refused.");
            return;
        }
        await channel.ReadAsync(requests, context.CancellationToken);
    }
}
