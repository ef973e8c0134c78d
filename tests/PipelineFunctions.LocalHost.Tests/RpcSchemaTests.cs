using System.Text.Json.Nodes;
using PipelineFunctions.LocalHost.Rpc;

namespace PipelineFunctions.LocalHost.Tests;

/// <summary>
/// The host's part of FunctionRpc (Rpc/FunctionRpc.proto): every field the host sends survives protobuf and back under
/// the schema's JSON names, and a field the schema lacks is refused rather than dropped.
/// </summary>
public sealed class RpcSchemaTests
{
    [Fact]
    public void An_invocation_request_round_trips_with_every_field_the_host_sends()
    {
        var sent = JsonNode
            .Parse(
                """
                { "requestId": "r1", "invocationRequest": { "invocationId": "i1", "functionId": "f1",
                  "inputData": [ { "name": "req", "data": { "http": { "method": "GET", "url": "http://h/x", "headers": { "a": "b" }, "query": { "q": "z" } } } },
                                 { "name": "m", "data": { "modelBindingData": { "version": "1.0", "source": "AzureStorageQueues", "contentType": "application/json", "content": "e30=" } } } ],
                  "triggerMetadata": { "Id": { "string": "m1" }, "DequeueCount": { "json": "2" } },
                  "traceContext": { "traceParent": "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "traceState": "" } } }
                """
            )!
            .AsObject();

        var back = RoundTrip(sent);

        var request = back["invocationRequest"]!;
        Assert.Equal("i1", request["invocationId"]!.GetValue<string>());
        Assert.Equal("GET", request["inputData"]![0]!["data"]!["http"]!["method"]!.GetValue<string>());
        Assert.Equal("z", request["inputData"]![0]!["data"]!["http"]!["query"]!["q"]!.GetValue<string>());
        Assert.Equal("e30=", request["inputData"]![1]!["data"]!["modelBindingData"]!["content"]!.GetValue<string>());
        Assert.Equal("2", request["triggerMetadata"]!["DequeueCount"]!["json"]!.GetValue<string>());
        Assert.StartsWith(
            "00-0af7",
            request["traceContext"]!["traceParent"]!.GetValue<string>(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_failed_outcome_keeps_its_status_and_exception_type()
    {
        var back = RoundTrip(
            JsonNode
                .Parse(
                    """
                    { "invocationResponse": { "invocationId": "i1", "result": { "status": "Failure", "exception": { "type": "System.InvalidOperationException" } } } }
                    """
                )!
                .AsObject()
        );

        Assert.Equal("Failure", back["invocationResponse"]!["result"]!["status"]!.GetValue<string>());
        Assert.Equal(
            "System.InvalidOperationException",
            back["invocationResponse"]!["result"]!["exception"]!["type"]!.GetValue<string>()
        );
    }

    [Fact]
    public void A_field_the_schema_lacks_is_refused() =>
        Assert.ThrowsAny<Exception>(() =>
            RoundTrip(JsonNode.Parse("""{ "invocationRequest": { "notAField": 1 } }""")!.AsObject())
        );

    static JsonObject RoundTrip(JsonObject message) =>
        RpcSchema.EventStream.ResponseMarshaller.Deserializer(
            RpcSchema.EventStream.RequestMarshaller.Serializer(message)
        );
}
