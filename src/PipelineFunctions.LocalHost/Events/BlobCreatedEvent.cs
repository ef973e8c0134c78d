using System.Text.Json;

namespace PipelineFunctions.LocalHost.Events;

/// <summary>
/// <c>Microsoft.Storage.BlobCreated</c> in the Event Grid event schema, field for field what the app's upload API
/// enqueues (PipelineFunctions.App's BlobCreatedEvents), so the app's ingest reads one shape whoever sent it.
/// </summary>
public static class BlobCreatedEvent
{
    public static string Create(Uri blobUri, string container, string blobName, long contentLength, string eTag, DateTimeOffset at) =>
        JsonSerializer.Serialize(new
        {
            id = Guid.NewGuid().ToString(),
            topic = "local",
            subject = "/blobServices/default/containers/" + container + "/blobs/" + blobName,
            eventType = "Microsoft.Storage.BlobCreated",
            eventTime = at,
            dataVersion = "1",
            metadataVersion = "1",
            data = new
            {
                api = "PutBlob",
                contentType = "application/octet-stream",
                contentLength,
                blobType = "BlockBlob",
                eTag,
                url = blobUri.ToString(),
            },
        });
}
