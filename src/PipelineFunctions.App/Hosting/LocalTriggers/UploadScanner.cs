using PipelineFunctions.App.Pipeline;
using PipelineFunctions.App.Settings;
using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Queues;

namespace PipelineFunctions.App.Hosting.LocalTriggers;

/// <summary>
/// Locally there is no Event Grid: this finds blobs dropped straight into <c>uploads</c> (or whose event was never
/// sent because the app died mid-upload) and enqueues their BlobCreated event. A replayed event is harmless.
/// </summary>
public sealed class UploadScanner(BlobContainers blobs, PipelineQueues queues, TranscriptIntake intake, PipelineSettings settings,
    TimeProvider clock, ILogger<UploadScanner> logger) : BackgroundService
{
    /// <summary>Blobs younger than this may still be on their way through the upload API.</summary>
    static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await ScanAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) { logger.LogWarning("Upload scan failed ({Failure}); retrying.", e.GetType().Name); }
            await Task.Delay(TimeSpan.FromSeconds(settings.UploadScanSeconds), stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    public async Task<int> ScanAsync(CancellationToken ct)
    {
        var found = 0;
        await foreach (var item in blobs.Uploads.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = Azure.Storage.Blobs.Models.BlobTraits.Metadata }, ct))
        {
            if (item.Metadata.ContainsKey(TranscriptIntake.QueuedMarker)) continue;
            if (clock.GetUtcNow() - (item.Properties.LastModified ?? DateTimeOffset.MinValue) < Settle) continue;
            var blob = blobs.Uploads.GetBlobClient(item.Name);
            await queues.SendTextAsync(PipelineQueues.Ingest,
                BlobCreatedEvents.Create(blob.Uri, item.Name, item.Properties.ContentLength ?? 0, item.Properties.ETag?.ToString() ?? "", clock.GetUtcNow()), ct);
            await intake.MarkQueuedAsync(item.Name, ct);
            found++;
        }
        return found;
    }
}
