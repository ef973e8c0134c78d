using System.Text.Json;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Azure.Storage.Blobs.Models;
using PipelineFunctions.LocalHost.Tests.Infrastructure;

namespace PipelineFunctions.LocalHost.Tests;

[Collection(HostCollection.Name)]
public sealed class UploadScanTests(HostFixture fixture)
{
    [Fact]
    public async Task A_settled_upload_gets_one_blob_created_event_and_its_marker()
    {
        var name = $"study-a/site-1/{Guid.NewGuid():n}.txt";
        var blob = fixture.Uploads.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString("Interviewer: hello"));

        await QueueTests.Eventually(async () =>
            (await blob.GetPropertiesAsync()).Value.Metadata.ContainsKey("ingestqueued")
        );
        // Later scans must not announce it again; the positive control, a blob uploaded now and announced, proves that
        // at least one later scan ran over the first blob.
        var later = fixture.Uploads.GetBlobClient($"study-a/site-1/{Guid.NewGuid():n}.txt");
        await later.UploadAsync(BinaryData.FromString("x"));
        await QueueTests.Eventually(async () =>
            (await later.GetPropertiesAsync()).Value.Metadata.ContainsKey("ingestqueued")
        );

        var messages = (await fixture.UploadEvents.ReceiveMessagesAsync(32)).Value;
        Assert.Single(messages, m => m.Body.ToString().Contains(later.Name, StringComparison.Ordinal));
        var message = Assert.Single(messages, m => m.Body.ToString().Contains(name, StringComparison.Ordinal));
        using var json = JsonDocument.Parse(message.Body.ToString());
        var root = json.RootElement;
        Assert.Equal("Microsoft.Storage.BlobCreated", root.GetProperty("eventType").GetString());
        Assert.Equal(
            $"/blobServices/default/containers/{fixture.Uploads.Name}/blobs/{name}",
            root.GetProperty("subject").GetString()
        );
        Assert.Equal(blob.Uri.ToString(), root.GetProperty("data").GetProperty("url").GetString());
        Assert.Equal(18, root.GetProperty("data").GetProperty("contentLength").GetInt64());
        Assert.Equal("true", (await blob.GetPropertiesAsync()).Value.Metadata["ingestqueued"]);
        // Read the way the app's ingest reads it (BlobCreatedEvents.UploadedBlobName): Event Grid's own parser.
        var parsed = Assert.Single(EventGridEvent.ParseMany(message.Body));
        Assert.True(parsed.TryGetSystemEventData(out var data));
        Assert.Equal(blob.Uri.ToString(), Assert.IsType<StorageBlobCreatedEventData>(data).Url);
    }

    [Fact]
    public async Task A_blob_already_marked_by_the_app_is_left_alone()
    {
        var blob = fixture.Uploads.GetBlobClient($"study-a/site-1/{Guid.NewGuid():n}.txt");
        await blob.UploadAsync(
            BinaryData.FromString("x"),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["ingestqueued"] = "true" } }
        );
        // The positive control: an unmarked blob uploaded with it is announced, so scans ran over both.
        var control = fixture.Uploads.GetBlobClient($"study-a/site-1/{Guid.NewGuid():n}.txt");
        await control.UploadAsync(BinaryData.FromString("x"));

        await QueueTests.Eventually(async () =>
            (await fixture.UploadEvents.PeekMessagesAsync(32)).Value.Any(m =>
                m.Body.ToString().Contains(control.Name, StringComparison.Ordinal)
            )
        );

        var messages = (await fixture.UploadEvents.PeekMessagesAsync(32)).Value;
        Assert.DoesNotContain(messages, m => m.Body.ToString().Contains(blob.Name, StringComparison.Ordinal));
    }
}
