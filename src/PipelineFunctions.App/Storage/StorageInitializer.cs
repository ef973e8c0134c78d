using PipelineFunctions.App.Storage.Blobs;
using PipelineFunctions.App.Storage.Cosmos;
using PipelineFunctions.App.Storage.Queues;

namespace PipelineFunctions.App.Storage;

/// <summary>Creates the database, containers and queues when missing, before anything runs; waits for the stores to come up.</summary>
public sealed class StorageInitializer(
    CosmosContainers cosmos,
    BlobContainers blobs,
    PipelineQueues queues,
    ILogger<StorageInitializer> logger
) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await blobs.EnsureCreatedAsync(ct);
                await queues.EnsureCreatedAsync(ct);
                await cosmos.EnsureCreatedAsync(ct);
                return;
            }
            catch (Exception e) when (attempt < 30 && !ct.IsCancellationRequested)
            {
                logger.LogWarning("Storage not ready ({Failure}); try {Attempt} of 30.", e.GetType().Name, attempt);
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
