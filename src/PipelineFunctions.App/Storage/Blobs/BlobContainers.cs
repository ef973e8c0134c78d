using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PipelineFunctions.App.Settings;

namespace PipelineFunctions.App.Storage.Blobs;

/// <summary>
/// The blob containers, all private. <c>uploads</c>: files as sites sent them (kept, even when rejected).
/// <c>restricted</c>: parsed raw text and rosters, never shown to coders. <c>pseudonymised</c>: what coders may read.
/// <c>keys</c>: the encrypted re-identification key, custodian only. <c>exports</c>: files made for download.
/// </summary>
public sealed class BlobContainers(PipelineSettings settings)
{
    public static readonly string[] Names = ["uploads", "restricted", "pseudonymised", "keys", "exports"];

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly BlobServiceClient _service = AzureClients.IsAccountName(settings.StorageConnection)
        ? new(AzureClients.ServiceUri(settings.StorageConnection, "blob"), AzureClients.Credential)
        : new(settings.StorageConnection);

    public BlobContainerClient Uploads => _service.GetBlobContainerClient("uploads");
    public BlobContainerClient Restricted => _service.GetBlobContainerClient("restricted");
    public BlobContainerClient Pseudonymised => _service.GetBlobContainerClient("pseudonymised");
    public BlobContainerClient Keys => _service.GetBlobContainerClient("keys");

    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        foreach (var name in Names)
            await _service
                .GetBlobContainerClient(name)
                .CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct);
    }

    public static async Task WriteJsonAsync<T>(
        BlobContainerClient container,
        string name,
        T value,
        CancellationToken ct
    ) => await container.GetBlobClient(name).UploadAsync(BinaryData.FromObjectAsJson(value, Json), overwrite: true, ct);

    public static async Task<T?> ReadJsonAsync<T>(BlobContainerClient container, string name, CancellationToken ct)
    {
        try
        {
            var content = await container.GetBlobClient(name).DownloadContentAsync(ct);
            return content.Value.Content.ToObjectFromJson<T>(Json);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return default;
        }
    }
}
