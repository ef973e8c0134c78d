using System.Text.Json;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;

namespace PipelineFunctions.App.Uploads;

/// <summary>
/// <c>Microsoft.Storage.BlobCreated</c> in the Event Grid event schema: what Event Grid delivers to the ingest queue in
/// Azure, and what the upload API and the local upload scan enqueue here, so ingest reads one shape everywhere.
/// </summary>
public static class BlobCreatedEvents
{
    public const string Container = "uploads";
    const string SubjectPrefix = "/blobServices/default/containers/" + Container + "/blobs/";

    static readonly JsonSerializerOptions WithoutNulls = new()
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// The event; <paramref name="traceparent"/>, when given, rides as a top-level extension property (as CloudEvents'
    /// distributed-tracing extension does) and Event Grid's parser ignores it.
    /// </summary>
    public static string Create(
        Uri blobUri,
        string blobName,
        long contentLength,
        string eTag,
        DateTimeOffset at,
        string? traceparent = null
    ) =>
        JsonSerializer.Serialize(
            new
            {
                id = Guid.NewGuid().ToString(),
                topic = "local",
                subject = SubjectPrefix + blobName,
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
                traceparent,
            },
            WithoutNulls
        );

    /// <summary>The uploaded blob's name, or null for an event that is not a blob created in <c>uploads</c>.</summary>
    public static string? UploadedBlobName(string message)
    {
        EventGridEvent[] events;
        try
        {
            events = EventGridEvent.ParseMany(BinaryData.FromString(message));
        }
        catch (Exception e)
            when (e is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            return null;
        }
        foreach (var e in events)
            if (
                e.TryGetSystemEventData(out var data)
                && data is StorageBlobCreatedEventData
                && e.Subject.StartsWith(SubjectPrefix, StringComparison.Ordinal)
            )
                return Uri.UnescapeDataString(e.Subject[SubjectPrefix.Length..]);
        return null;
    }
}
