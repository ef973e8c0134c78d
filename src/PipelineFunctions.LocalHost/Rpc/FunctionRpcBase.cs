using System.Text.Json.Nodes;
using Grpc.Core;

namespace PipelineFunctions.LocalHost.Rpc;

/// <summary>
/// What Grpc.Tools would generate for FunctionRpc, by hand: ASP.NET Core gRPC binds the method on the type named in
/// <see cref="BindServiceMethodAttribute"/> and calls the override of that virtual method on the service.
/// </summary>
[BindServiceMethod(typeof(FunctionRpcBase), nameof(BindService))]
public abstract class FunctionRpcBase
{
    public static void BindService(ServiceBinderBase binder, FunctionRpcBase? service) =>
        binder.AddMethod(RpcSchema.EventStream, service is null ? null : service.EventStream);

    public abstract Task EventStream(
        IAsyncStreamReader<JsonObject> requests,
        IServerStreamWriter<JsonObject> responses,
        ServerCallContext context
    );
}
