using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PipelineFunctions.App.Hosting.CustomHandler;
using PipelineFunctions.Integration.Tests.Infrastructure;

namespace PipelineFunctions.Integration.Tests.CustomHandler;

/// <summary>Posts the Functions host's payloads, as shared/CUSTOM-HANDLER.md documents them, to every function endpoint.</summary>
[Collection(PipelineCollection.Name)]
public sealed class InvocationContractTests(PipelineFixture fixture)
{
    static string HostPayload(string message, object dequeueCount) => new JsonObject
    {
        ["Data"] = new JsonObject { ["message"] = JsonSerializer.Serialize(message) },
        ["Metadata"] = new JsonObject
        {
            ["DequeueCount"] = JsonValue.Create(dequeueCount),
            ["Id"] = "\"0f3c2a8e-1b7d-4c59-9e4a-2d6f8b1c3e5a\"",
            ["PopReceipt"] = "\"AgAAAAMAAAAAAAAA\"",
            ["InsertionTime"] = "2026-11-23T10:00:00+00:00",
            ["sys"] = new JsonObject { ["MethodName"] = "X", ["UtcNow"] = "2026-11-23T10:00:01Z", ["RandGuid"] = Guid.NewGuid().ToString() },
        },
    }.ToJsonString();

    async Task<(HttpStatusCode Status, JsonNode Body)> InvokeAsync(string function, string payload)
    {
        using var http = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{function}") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/4.1040.300");
        using var response = await http.SendAsync(request);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    [Theory]
    [InlineData("PseudonymiseTranscript")]
    [InlineData("CheckTranslation")]
    [InlineData("SuggestCodes")]
    public async Task Stage_functions_answer_the_host_with_outputs_logs_and_return_value(string function)
    {
        var study = await fixture.CreateStudyAsync();
        var message = JsonSerializer.Serialize(new { studyId = study, transcriptId = "t-does-not-exist" });
        foreach (var dequeueCount in new object[] { "1", 2 })
        {
            var (status, body) = await InvokeAsync(function, HostPayload(message, dequeueCount));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.NotNull(body["Outputs"]);
            Assert.Contains(body["Logs"]!.AsArray(), l => ((string)l!).Contains("not found"));
            Assert.True(body.AsObject().ContainsKey("ReturnValue"));
        }
    }

    [Fact]
    public async Task Ingest_takes_an_event_grid_event_and_ignores_other_containers()
    {
        var ev = App.Pipeline.BlobCreatedEvents.Create(new Uri("http://127.0.0.1:10000/devstoreaccount1/exports/x.txt"), "x.txt", 3, "0x1", DateTimeOffset.UtcNow)
            .Replace("/containers/uploads/", "/containers/exports/");
        var (status, body) = await InvokeAsync("IngestTranscript", HostPayload(ev, "1"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(body["Logs"]!.AsArray(), l => ((string)l!).Contains("ignored"));
    }

    [Fact]
    public async Task A_failing_invocation_answers_non_2xx_so_the_host_retries()
    {
        var (status, body) = await InvokeAsync("SuggestCodes", HostPayload("not a transcript message", "1"));
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains(body["Logs"]!.AsArray(), l => ((string)l!).Contains("not a transcript message"));
    }

    [Fact]
    public async Task An_unreadable_payload_is_a_400()
    {
        var (status, _) = await InvokeAsync("SuggestCodes", "{\"Metadata\":{}}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Theory]
    [InlineData("\"\\\"hello\\\"\"", "hello")]
    [InlineData("\"hello\"", "hello")]
    [InlineData("{\"a\":1}", "{\"a\":1}")]
    public void Strings_are_unwrapped_from_double_json_encoding(string data, string expected)
    {
        var request = InvocationRequest.Parse($"{{\"Data\":{{\"message\":{data}}},\"Metadata\":{{\"DequeueCount\":\"3\",\"Id\":\"\\\"abc\\\"\"}}}}", "message");
        Assert.Equal(expected, request.Message);
        Assert.Equal(3, request.DequeueCount);
        Assert.Equal("abc", request.MessageId);
    }
}
