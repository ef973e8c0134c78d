using System.Reflection;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace PipelineFunctions.LocalHost.Rpc;

/// <summary>
/// FunctionRpc without a .proto: the worker's Grpc package keeps its generated messages internal but its descriptors
/// reachable, so the host speaks protobuf on the wire and JSON (proto3 JSON mapping, field names from the descriptor)
/// inside. No build step, no copied schema, and always the exact version the worker was built with.
/// </summary>
public static class RpcSchema
{
    static readonly FileDescriptor File = (FileDescriptor)Assembly.Load("Microsoft.Azure.Functions.Worker.Grpc").GetTypes()
        .Single(t => t.Name == "FunctionRpcReflection").GetProperty("Descriptor")!.GetValue(null)!;

    static readonly MessageDescriptor Streaming = File.MessageTypes.Single(m => m.Name == "StreamingMessage");
    static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = File.Services.Single(s => s.Name == "FunctionRpc");

    // Default values are written so that an enum's zero (StatusResult.Failure) is never silently absent.
    static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    static readonly Marshaller<JsonObject> Marshaller = Marshallers.Create(
        message => JsonParser.Default.Parse(message.ToJsonString(), Streaming).ToByteArray(),
        bytes => JsonNode.Parse(Formatter.Format(Streaming.Parser.ParseFrom(bytes)))!.AsObject());

    /// <summary>The one bidirectional stream the worker opens: <c>FunctionRpc/EventStream</c>.</summary>
    public static readonly Method<JsonObject, JsonObject> EventStream =
        new(MethodType.DuplexStreaming, Service.FullName, Service.Methods.Single().Name, Marshaller, Marshaller);
}
