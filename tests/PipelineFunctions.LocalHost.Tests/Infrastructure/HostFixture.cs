using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace PipelineFunctions.LocalHost.Tests.Infrastructure;

/// <summary>
/// One host and worker for all tests (starting them is the slow part), on an Azurite of its own: the integration suite,
/// run at the same time by <c>dotnet test</c> on the solution, keeps the shared one.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    readonly string _suffix = Guid.NewGuid().ToString("n")[..8];
    PrivateAzurite? _azurite;

    public HostProcess Host { get; } = new();
    public QueueClient WorkQueue { get; private set; } = null!;
    public QueueClient WorkPoison { get; private set; } = null!;
    public QueueClient OtherQueue { get; private set; } = null!;
    public QueueClient UploadEvents { get; private set; } = null!;
    public BlobContainerClient Uploads { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = new PrivateAzurite();
        var storage = _azurite.ConnectionString;
        var base64 = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        WorkQueue = new QueueClient(storage, $"work-{_suffix}", base64);
        WorkPoison = new QueueClient(storage, $"work-{_suffix}-poison", base64);
        OtherQueue = new QueueClient(storage, $"other-{_suffix}", base64);
        UploadEvents = new QueueClient(storage, $"uploaded-{_suffix}", base64);
        Uploads = new BlobContainerClient(storage, $"uploads-{_suffix}");
        await WorkQueue.CreateIfNotExistsAsync();
        await OtherQueue.CreateIfNotExistsAsync();
        await Uploads.CreateIfNotExistsAsync();
        await Host.StartAsync(
            new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = storage,
                ["WorkQueue"] = WorkQueue.Name,
                ["OtherQueue"] = OtherQueue.Name,
                ["LocalHostUploadContainer"] = Uploads.Name,
                ["LocalHostUploadQueue"] = UploadEvents.Name,
                ["LocalHostUploadScanSeconds"] = "1",
                ["LocalHostUploadSettleSeconds"] = "1",
                ["TickSchedule"] = "*/2 * * * * *",
                ["AzureWebJobs.Tock.Disabled"] = "true",
            }
        );
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        foreach (var queue in new[] { WorkQueue, WorkPoison, OtherQueue, UploadEvents })
            await queue.DeleteIfExistsAsync();
        await Uploads.DeleteIfExistsAsync();
        _azurite?.Dispose();
    }
}
