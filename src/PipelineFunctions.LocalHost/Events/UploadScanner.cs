using System.Text.Json;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using PipelineFunctions.LocalHost.Configuration;

namespace PipelineFunctions.LocalHost.Events;

/// <summary>
/// Stands in for Event Grid's BlobCreated → queue subscription: finds blobs in the container that have settled and
/// carry no "queued" marker, enqueues their event and marks them. A blob whose event went out twice is harmless
/// (ingest is idempotent); a blob never announced is not.
/// </summary>
public sealed class UploadScanner(
    UploadScanOptions options,
    HostJsonOptions host,
    TimeProvider clock,
    ILogger<UploadScanner> logger
) : BackgroundService
{
    /// <summary>The app's marker (TranscriptIntake.QueuedMarker): its upload API sets it when it sent the event itself.</summary>
    public const string QueuedMarker = "ingestqueued";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Container is null)
            return;
        var container = new BlobContainerClient(options.ConnectionString, options.Container);
        var queue = new QueueClient(
            options.ConnectionString,
            options.Queue,
            new QueueClientOptions
            {
                MessageEncoding = host.Base64Messages ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None,
            }
        );
        logger.LogInformation(
            "Upload scan: container {Container} → queue {Queue} every {Seconds} s.",
            options.Container,
            options.Queue,
            options.Interval.TotalSeconds
        );
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var found = await ScanAsync(container, queue, stoppingToken);
                if (found > 0)
                    logger.LogInformation("Upload scan queued {Count} event(s).", found);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Upload scan failed ({Failure}); retrying.", e.GetType().Name);
            }
            await Task.Delay(options.Interval, clock, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    async Task<int> ScanAsync(BlobContainerClient container, QueueClient queue, CancellationToken ct)
    {
        if (!await container.ExistsAsync(ct))
            return 0;
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        var found = 0;
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, ct))
        {
            if (item.Metadata.ContainsKey(QueuedMarker))
                continue;
            if (clock.GetUtcNow() - (item.Properties.LastModified ?? DateTimeOffset.MinValue) < options.Settle)
                continue;
            var blob = container.GetBlobClient(item.Name);
            await queue.SendMessageAsync(BlobCreated(blob.Uri, container.Name, item), ct);
            var metadata = new Dictionary<string, string>(item.Metadata) { [QueuedMarker] = "true" };
            await blob.SetMetadataAsync(metadata, cancellationToken: ct);
            found++;
        }
        return found;
    }

    /// <summary>
    /// <c>Microsoft.Storage.BlobCreated</c> as Event Grid delivers it to a queue (the Event Grid schema, written by the
    /// package's own converter); the data with the wire names of <see cref="StorageBlobCreatedEventData"/>, whose
    /// serializer the package leaves unimplemented.
    /// </summary>
    string BlobCreated(Uri blobUri, string container, BlobItem item) =>
        JsonSerializer.Serialize(
            new EventGridEvent(
                $"/blobServices/default/containers/{container}/blobs/{item.Name}",
                SystemEventNames.StorageBlobCreated,
                "1",
                BinaryData.FromObjectAsJson(
                    new
                    {
                        api = "PutBlob",
                        contentType = "application/octet-stream",
                        contentLength = item.Properties.ContentLength ?? 0,
                        blobType = "BlockBlob",
                        eTag = item.Properties.ETag?.ToString() ?? "",
                        url = blobUri.ToString(),
                    }
                )
            )
            {
                Topic = "local",
                EventTime = clock.GetUtcNow(),
            }
        );
}
