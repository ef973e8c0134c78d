using System.Diagnostics;
using System.Text.Json;
using PipelineFunctions.App.Model;
using PipelineFunctions.App.Telemetry;
using PipelineFunctions.App.Uploads;

namespace PipelineFunctions.Integration.Tests.Telemetry;

/// <summary>The trace context in queue messages: optional, ids only, and read from either message shape.</summary>
public sealed class TraceContextTests
{
    const string Traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    [Fact]
    public void A_stage_message_without_a_traceparent_keeps_its_old_shape_and_still_reads()
    {
        Assert.Equal(
            """{"studyId":"s","transcriptId":"t"}""",
            JsonSerializer.Serialize(new TranscriptMessage("s", "t"), JsonSerializerOptions.Web)
        );
        var old = JsonSerializer.Deserialize<TranscriptMessage>(
            """{"studyId":"s","transcriptId":"t"}""",
            JsonSerializerOptions.Web
        )!;
        Assert.Equal(new TranscriptMessage("s", "t"), old);
        Assert.Equal(default, PipelineTelemetry.ParentOf("""{"studyId":"s","transcriptId":"t"}"""));

        var json = JsonSerializer.Serialize(new TranscriptMessage("s", "t", Traceparent), JsonSerializerOptions.Web);
        Assert.Equal($$"""{"studyId":"s","transcriptId":"t","traceparent":"{{Traceparent}}"}""", json);
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", PipelineTelemetry.ParentOf(json).TraceId.ToHexString());
    }

    [Fact]
    public void An_upload_event_carries_the_trace_and_event_grid_still_reads_it()
    {
        var single = BlobCreatedEvents.Create(
            new Uri("http://127.0.0.1:10000/devstoreaccount1/uploads/s/site/t.txt"),
            "s/site/t.txt",
            3,
            "0x1",
            DateTimeOffset.UtcNow,
            Traceparent
        );
        Assert.Equal("s/site/t.txt", BlobCreatedEvents.UploadedBlobName(single));
        Assert.Equal("00f067aa0ba902b7", PipelineTelemetry.ParentOf(single).SpanId.ToHexString());
        Assert.Equal("00f067aa0ba902b7", PipelineTelemetry.ParentOf($"[{single}]").SpanId.ToHexString());
        Assert.DoesNotContain(
            "traceparent",
            BlobCreatedEvents.Create(new Uri("http://x/uploads/a"), "a", 1, "0x1", DateTimeOffset.UtcNow)
        );
        Assert.Equal(default, PipelineTelemetry.ParentOf("this is not json"));
        Assert.Equal(default, PipelineTelemetry.ParentOf("""{"traceparent":"not-a-traceparent"}"""));
    }

    [Fact]
    public void A_send_inside_a_span_stamps_that_span_as_the_parent()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == PipelineTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var send = PipelineTelemetry.StartSend("pseudonymise", "s", "t");
        Assert.NotNull(send);
        Assert.Equal(send.Id, PipelineTelemetry.Traceparent());
        Assert.Equal(
            send.SpanId,
            PipelineTelemetry
                .ParentOf(
                    JsonSerializer.Serialize(
                        new TranscriptMessage("s", "t", PipelineTelemetry.Traceparent()),
                        JsonSerializerOptions.Web
                    )
                )
                .SpanId
        );
    }
}
