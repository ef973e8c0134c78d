namespace PipelineFunctions.App.Settings;

/// <summary>Everything the app reads from configuration (section <c>Pipeline</c>); see local.settings.sample.json.</summary>
public sealed class PipelineSettings
{
    public const string Section = "Pipeline";

    /// <summary>
    /// Azure Storage: a connection string (Azurite's development string locally), or in Azure just the account
    /// name, reached with the app's managed identity.
    /// </summary>
    public string StorageConnection { get; set; } = "UseDevelopmentStorage=true";

    public string CosmosEndpoint { get; set; } = "https://127.0.0.1:8081/";

    /// <summary>Cosmos key; empty in Azure, where the managed identity has a data-plane role instead.</summary>
    public string CosmosKey { get; set; } = "";
    public string CosmosDatabase { get; set; } = "pipeline";

    /// <summary>Accept the local Cosmos server's self-signed certificate; only ever honoured for loopback endpoints.</summary>
    public bool CosmosTrustLocalCertificate { get; set; }

    /// <summary>Base64 master secret from which each study's HMAC pseudonym key is derived (Key Vault in Azure).</summary>
    public string PseudonymMasterKey { get; set; } = "";

    /// <summary>Base64 256-bit AES key that encrypts the re-identification key (Key Vault in Azure).</summary>
    public string KeyEncryptionKey { get; set; } = "";

    /// <summary>Azure AI Language endpoint for studies that allow it; empty (the default): no text leaves the app.</summary>
    public string LanguageEndpoint { get; set; } = "";

    /// <summary>Language key; empty with an endpoint means the managed identity.</summary>
    public string LanguageKey { get; set; } = "";

    /// <summary>A custom multi-label classification project and deployment whose classes are code ids (optional).</summary>
    public string LanguageClassifierProject { get; set; } = "";
    public string LanguageClassifierDeployment { get; set; } = "";

    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>The host's <c>extensions.queues.maxDequeueCount</c> (host.json): the try after which a message goes to poison.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>
    /// How long a transcript may sit at a status a machine takes it from, with nothing waiting in that stage's queue,
    /// before it is handed on again (its message lost with a dequeue whose answer storage never delivered).
    /// </summary>
    public int StalledAfterSeconds { get; set; } = 120;

    /// <summary>Write spans and stage metrics to the console (off by default, so logs stay readable).</summary>
    public bool TelemetryConsole { get; set; }

    /// <summary>Send to Application Insights with the managed identity (Azure, where its local auth is off).</summary>
    public bool TelemetryManagedIdentity { get; set; }

    /// <summary>
    /// <c>ApiKey</c> (local: the users below) or <c>AppService</c> (Azure: App Service authentication with Entra ID puts the
    /// signed-in user in <c>X-MS-CLIENT-PRINCIPAL</c>; API keys are then not accepted at all).
    /// </summary>
    public string Authentication { get; set; } = "ApiKey";

    public List<PipelineUser> Users { get; set; } = [];
}

/// <summary>A local user: a name, an API key for scripts and the web pages, roles, and for site researchers their sites.</summary>
public sealed class PipelineUser
{
    public string Name { get; set; } = "";
    public string ApiKey { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public List<string> Sites { get; set; } = [];

    /// <summary>The studies this user works on; empty means every study of this deployment.</summary>
    public List<string> Studies { get; set; } = [];
}
