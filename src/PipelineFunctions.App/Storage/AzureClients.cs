using Azure.Core;
using Azure.Identity;

namespace PipelineFunctions.App.Storage;

/// <summary>Keys and connection strings locally; the managed identity in Azure, where no key sits in settings.</summary>
static class AzureClients
{
    static readonly Lazy<TokenCredential> Identity = new(() => new DefaultAzureCredential());

    public static TokenCredential Credential => Identity.Value;

    /// <summary>A setting without '=' is an account name, not a connection string.</summary>
    public static bool IsAccountName(string storage) => !storage.Contains('=');

    public static Uri ServiceUri(string account, string service) =>
        new($"https://{account}.{service}.core.windows.net");
}
