using System.Net;
using Microsoft.Azure.Cosmos;
using PipelineFunctions.App.Settings;

namespace PipelineFunctions.App.Storage.Cosmos;

/// <summary>
/// The Cosmos database and its containers, created at start when missing. Partition keys follow the review
/// workload and the local server's limits: everything a page or a function reads is one partition.
/// </summary>
public sealed class CosmosContainers : IDisposable
{
    public static readonly IReadOnlyDictionary<string, string> PartitionKeys = new Dictionary<string, string>
    {
        ["studies"] = "/partition",
        ["transcripts"] = "/studyId",
        ["segments"] = "/transcriptId",
        ["suggestions"] = "/transcriptId",
        ["pseudonymBooks"] = "/studyId",
        ["translationChecks"] = "/studyId",
        ["audit"] = "/studyId",
        ["codings"] = "/transcriptId",
        ["searchIndex"] = "/studyId",
        ["summaries"] = "/studyId",
    };

    readonly CosmosClient _client;
    readonly string _database;
    readonly bool _usesKey;
    readonly bool _local;

    public CosmosContainers(PipelineSettings settings)
    {
        var options = new CosmosClientOptions
        {
            ConnectionMode = ConnectionMode.Gateway,
            LimitToEndpoint = true,
            RequestTimeout = TimeSpan.FromSeconds(30),
            CustomHandlers = { new CosmosRequestCount() },
        };
        var endpoint = new Uri(settings.CosmosEndpoint);
        _local = (IPAddress.TryParse(endpoint.Host, out var ip) && IPAddress.IsLoopback(ip)) || endpoint.IsLoopback;
        if (settings.CosmosTrustLocalCertificate && _local)
        {
            // The local Cosmos server uses a self-signed certificate; trusted for loopback only.
            options.HttpClientFactory = () =>
                new HttpClient(
                    new HttpClientHandler
                    {
                        ServerCertificateCustomValidationCallback =
                            HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
                    }
                );
        }
        _client = string.IsNullOrEmpty(settings.CosmosKey)
            ? new CosmosClient(settings.CosmosEndpoint, AzureClients.Credential, options)
            : new CosmosClient(settings.CosmosEndpoint, settings.CosmosKey, options);
        _database = settings.CosmosDatabase;
        _usesKey = !string.IsNullOrEmpty(settings.CosmosKey);
    }

    public Container Studies => Get("studies");
    public Container Transcripts => Get("transcripts");
    public Container Segments => Get("segments");
    public Container Suggestions => Get("suggestions");
    public Container PseudonymBooks => Get("pseudonymBooks");
    public Container TranslationChecks => Get("translationChecks");
    public Container Audit => Get("audit");
    public Container Codings => Get("codings");
    public Container SearchIndex => Get("searchIndex");
    public Container Summaries => Get("summaries");

    Container Get(string name) => _client.GetContainer(_database, name);

    /// <summary>
    /// Reads one item by id and partition key (a point read, the cheapest read Cosmos has), or null when there is none.
    /// The local Cosmos server answers a missing item with 500 rather than 404: read as missing for a loopback
    /// endpoint only, so a real server error in Azure still fails.
    /// </summary>
    public async Task<T?> ReadAsync<T>(Container container, string id, string partition, CancellationToken ct)
        where T : class
    {
        try
        {
            return (await container.ReadItemAsync<T>(id, new PartitionKey(partition), cancellationToken: ct)).Resource;
        }
        catch (CosmosException e)
            when (e.StatusCode == HttpStatusCode.NotFound
                || (_local && e.StatusCode == HttpStatusCode.InternalServerError)
            )
        {
            return null;
        }
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        // With the managed identity there are data-plane rights only: infra/ creates the database and containers.
        if (!_usesKey)
            return;
        Database database = await _client.CreateDatabaseIfNotExistsAsync(
            _database,
            cancellationToken: cancellationToken
        );
        foreach (var (name, key) in PartitionKeys)
            await database.CreateContainerIfNotExistsAsync(name, key, cancellationToken: cancellationToken);
    }

    public void Dispose() => _client.Dispose();
}
