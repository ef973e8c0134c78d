using System.Text.Json.Nodes;
using Google.Protobuf;
using Grpc.Core;
using PipelineFunctions.LocalHost.Rpc.Messages;

namespace PipelineFunctions.LocalHost.Rpc;

/// <summary>
/// FunctionRpc on the wire, JSON inside: the host compiles the part of the protocol it uses (<c>FunctionRpc.proto</c>)
/// and marshals <c>StreamingMessage</c> between protobuf bytes and proto3 JSON, so the code works with
/// <see cref="JsonObject"/>s named exactly as the schema names them.
/// </summary>
public static class RpcSchema
{
    // Default values are written so that an enum's zero (StatusResult.Failure) is never silently absent.
    static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    static readonly Marshaller<JsonObject> Marshaller = Marshallers.Create(
        message => JsonParser.Default.Parse<StreamingMessage>(message.ToJsonString()).ToByteArray(),
        bytes => JsonNode.Parse(Formatter.Format(StreamingMessage.Parser.ParseFrom(bytes)))!.AsObject()
    );

    static readonly Google.Protobuf.Reflection.ServiceDescriptor Service =
        FunctionRpcReflection.Descriptor.Services.Single();

    /// <summary>The one bidirectional stream the worker opens: <c>FunctionRpc/EventStream</c>.</summary>
    public static readonly Method<JsonObject, JsonObject> EventStream = new(
        MethodType.DuplexStreaming,
        Service.FullName,
        Service.Methods.Single().Name,
        Marshaller,
        Marshaller
    );
}
